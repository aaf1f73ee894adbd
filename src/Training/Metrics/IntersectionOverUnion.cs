namespace EdgeML.Training.Metrics;

/// <summary>Axis-aligned box (x1,y1) top-left, (x2,y2) bottom-right.</summary>
public readonly record struct Box(double X1, double Y1, double X2, double Y2)
{
    public double Area => Math.Max(0, X2 - X1) * Math.Max(0, Y2 - Y1);
}

/// <summary>Intersection over union for boxes, sets and per-class segmentation masks.</summary>
public static class IntersectionOverUnion
{
    public static double Boxes(Box a, Box b)
    {
        var intersection = new Box(Math.Max(a.X1, b.X1), Math.Max(a.Y1, b.Y1), Math.Min(a.X2, b.X2), Math.Min(a.Y2, b.Y2)).Area;
        var union = a.Area + b.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    public static double Sets<T>(IEnumerable<T> a, IEnumerable<T> b)
    {
        var left = a.ToHashSet();
        var right = b.ToHashSet();
        var union = left.Union(right).Count();
        return union == 0 ? 1 : left.Intersect(right).Count() / (double)union;
    }

    /// <summary>IoU of one class in two label masks (pixel or element-wise labels).</summary>
    public static double Mask(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int label)
    {
        long intersection = 0, union = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var t = truth[i] == label;
            var p = predicted[i] == label;
            if (t && p) intersection++;
            if (t || p) union++;
        }
        return union == 0 ? 1 : intersection / (double)union;
    }
}
