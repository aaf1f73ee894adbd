using ScottPlot;

namespace EdgeML.Training.Reports;

/// <summary>ScottPlot charts rendered to PNG and embedded as data URIs, so report.html is one self-contained file.</summary>
internal static class Charts
{
    private const int Width = 560;
    private const int Height = 360;

    private static string Embed(Plot plot) => "data:image/png;base64," + Convert.ToBase64String(plot.GetImageBytes(Width, Height, ImageFormat.Png));

    public static string Line(string title, string xLabel, string yLabel, params (string Name, double[] X, double[] Y)[] series)
    {
        var plot = new Plot();
        foreach (var (name, x, y) in series)
        {
            var scatter = plot.Add.Scatter(x, y);
            scatter.LegendText = name;
            scatter.MarkerSize = 0;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (series.Length > 1) plot.ShowLegend();
        return Embed(plot);
    }

    public static string Points(string title, string xLabel, string yLabel, double[] x, double[] y, bool diagonal)
    {
        var plot = new Plot();
        var points = plot.Add.ScatterPoints(x, y);
        points.MarkerSize = 4;
        if (diagonal && x.Length > 0)
        {
            var low = Math.Min(x.Min(), y.Min());
            var high = Math.Max(x.Max(), y.Max());
            plot.Add.Line(low, low, high, high);
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return Embed(plot);
    }

    public static string Bars(string title, string[] labels, double[] values)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(values);
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
        plot.Title(title);
        return Embed(plot);
    }

    public static string Histogram(string title, double[] values, int bins = 20)
    {
        var plot = new Plot();
        if (values.Length > 0)
        {
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, values.Min(), values.Max() + 1e-9);
            histogram.AddRange(values);
            plot.Add.Histogram(histogram);
        }
        plot.Title(title);
        return Embed(plot);
    }
}
