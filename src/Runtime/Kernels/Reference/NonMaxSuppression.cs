using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// NonMaxSuppression (opsets 10 and 11): for each batch and class, takes the boxes whose score is
/// above score_threshold (all boxes when it is absent) in order of decreasing score (ties: lower
/// index first) and keeps a box unless its IoU with an already kept box of that class is strictly
/// greater than iou_threshold, up to max_output_boxes_per_class boxes (default 0: none). Boxes are
/// [y1, x1, y2, x2] corners in any order (center_point_box = 0) or [x_center, y_center, width,
/// height] (center_point_box = 1). IoU is computed in float32. Output: [selected, 3] int64 rows of
/// [batch, class, box].
/// </summary>
public sealed class NonMaxSuppression : Kernel
{
    private readonly bool _centerPointBox;
    private int[] _order = [];
    private int[] _kept = [];
    private long[] _selected = [];

    private NonMaxSuppression(bool centerPointBox) => _centerPointBox = centerPointBox;

    public static Kernel Create(KernelInfo info)
    {
        long format = info.Attributes.GetInt("center_point_box", 0);
        if (format is not (0 or 1)) throw info.Error($"center_point_box must be 0 or 1, not {format}");
        return new NonMaxSuppression(format == 1);
    }

    /// <summary>Orders box indices by decreasing score, then increasing index.</summary>
    private readonly struct ByScore(float[] scores, int offset) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int c = scores[offset + b].CompareTo(scores[offset + a]);
            return c != 0 ? c : a.CompareTo(b);
        }
    }

    private float[] _scores = [];

    public override void Execute(KernelContext context)
    {
        var boxes = context.Input(0);
        var scores = context.Input(1);
        if (boxes.Type != DataType.Float || scores.Type != DataType.Float) throw context.Error("boxes and scores must be float32");
        if (boxes.Rank != 3 || boxes.Shape[2] != 4) throw context.Error($"boxes must be shaped [batches, boxes, 4], not {Tensor.ShapeText(boxes.Shape)}");
        if (scores.Rank != 3 || scores.Shape[0] != boxes.Shape[0] || scores.Shape[2] != boxes.Shape[1])
            throw context.Error($"scores {Tensor.ShapeText(scores.Shape)} must be [batches, classes, boxes] for boxes {Tensor.ShapeText(boxes.Shape)}");
        long maxPerClass = 0;
        float iouThreshold = 0, scoreThreshold = 0;
        bool filterScores = false;
        if (context.OptionalInput(2) is { Length: > 0 } m) maxPerClass = Math.Max(0, ReadScalar(context, m));
        if (context.OptionalInput(3) is { Length: > 0 } iou) iouThreshold = ReadFloat(context, iou);
        if (context.OptionalInput(4) is { Length: > 0 } st)
        {
            scoreThreshold = ReadFloat(context, st);
            filterScores = true;
        }

        int batches = (int)boxes.Shape[0], classes = (int)scores.Shape[1], count = (int)boxes.Shape[1];
        var boxData = boxes.ReadOnlySpan<float>();
        if (_order.Length < count)
        {
            _order = new int[count];
            _kept = new int[count];
        }
        if (_scores.Length < scores.Length) _scores = new float[scores.Length];
        scores.ReadOnlySpan<float>().CopyTo(_scores);
        int selected = 0;
        for (int b = 0; b < batches; b++)
        {
            var batchBoxes = boxData.Slice(b * count * 4, count * 4);
            for (int c = 0; c < classes; c++)
            {
                int offset = (b * classes + c) * count;
                int candidates = 0;
                for (int i = 0; i < count; i++)
                    if (!filterScores || _scores[offset + i] > scoreThreshold) _order[candidates++] = i;
                _order.AsSpan(0, candidates).Sort(new ByScore(_scores, offset));

                int kept = 0;
                for (int j = 0; j < candidates && kept < maxPerClass; j++)
                {
                    int box = _order[j];
                    bool keep = true;
                    for (int s = 0; s < kept && keep; s++)
                        if (Suppresses(batchBoxes, box, _kept[s], iouThreshold)) keep = false;
                    if (!keep) continue;
                    _kept[kept++] = box;
                    if (_selected.Length < (selected + 1) * 3) Array.Resize(ref _selected, Math.Max(64, _selected.Length * 2));
                    _selected[selected * 3] = b;
                    _selected[selected * 3 + 1] = c;
                    _selected[selected * 3 + 2] = box;
                    selected++;
                }
            }
        }

        var y = context.Output(0);
        Span<long> shape = stackalloc long[] { selected, 3 };
        y.Allocate(DataType.Int64, shape);
        _selected.AsSpan(0, selected * 3).CopyTo(y.Span<long>());
    }

    /// <summary>Whether the IoU of boxes a and b is strictly greater than the threshold.</summary>
    private bool Suppresses(ReadOnlySpan<float> boxes, int a, int b, float threshold)
    {
        Corners(boxes.Slice(a * 4, 4), out float ay1, out float ax1, out float ay2, out float ax2);
        Corners(boxes.Slice(b * 4, 4), out float by1, out float bx1, out float by2, out float bx2);
        float ix1 = Math.Max(ax1, bx1), ix2 = Math.Min(ax2, bx2);
        if (ix2 <= ix1) return false;
        float iy1 = Math.Max(ay1, by1), iy2 = Math.Min(ay2, by2);
        if (iy2 <= iy1) return false;
        float intersection = (ix2 - ix1) * (iy2 - iy1);
        float areaA = (ax2 - ax1) * (ay2 - ay1), areaB = (bx2 - bx1) * (by2 - by1);
        float union = areaA + areaB - intersection;
        if (intersection <= 0 || areaA <= 0 || areaB <= 0 || union <= 0) return false;
        return intersection / union > threshold;
    }

    /// <summary>The box as (y_min, x_min, y_max, x_max).</summary>
    private void Corners(ReadOnlySpan<float> box, out float yMin, out float xMin, out float yMax, out float xMax)
    {
        if (_centerPointBox)
        {
            float halfW = box[2] / 2, halfH = box[3] / 2;
            xMin = box[0] - halfW;
            xMax = box[0] + halfW;
            yMin = box[1] - halfH;
            yMax = box[1] + halfH;
            return;
        }
        yMin = Math.Min(box[0], box[2]);
        yMax = Math.Max(box[0], box[2]);
        xMin = Math.Min(box[1], box[3]);
        xMax = Math.Max(box[1], box[3]);
    }

    private static long ReadScalar(KernelContext context, Tensor t)
    {
        if (t.Type != DataType.Int64) throw context.Error("max_output_boxes_per_class must be int64");
        return t.ReadOnlySpan<long>()[0];
    }

    private static float ReadFloat(KernelContext context, Tensor t)
    {
        if (t.Type != DataType.Float) throw context.Error($"'{t.Name}' must be float32");
        return t.ReadOnlySpan<float>()[0];
    }
}
