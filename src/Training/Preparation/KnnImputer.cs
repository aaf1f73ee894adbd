using EdgeML.Runtime.Tensors;
using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Preparation;

/// <summary>
/// k-nearest-neighbour imputation: a missing cell gets the mean of that column over the k complete training rows
/// nearest on the row's observed columns (distance scaled by each column's training standard deviation).
/// The reference rows are stored in the model (at most <see cref="MaxReferenceRows"/>) so the device can do the same.
/// </summary>
internal sealed class KnnImputer(int neighbours) : NumericImputer
{
    private const int MaxReferenceRows = 256;
    private float[][] _reference = [];
    private float[] _inverseScale = [];
    private SimpleImputer _fallback = new("mean", 0);

    public override string Name => $"knn(k={neighbours})";

    public override void Fit(float[][] rows)
    {
        _fallback = new SimpleImputer("mean", 0);
        _fallback.Fit(rows);
        var complete = rows.Where(r => r.All(v => !float.IsNaN(v))).ToArray();
        if (complete.Length < neighbours) complete = _fallback.Transform(rows); // too few complete rows: use mean-filled rows
        // Deterministic thinning keeps the model small; evenly spaced rows keep the spread of the data.
        var step = Math.Max(1, complete.Length / MaxReferenceRows);
        _reference = complete.Where((_, i) => i % step == 0).Take(MaxReferenceRows).ToArray();
        var columns = rows.Length == 0 ? 0 : rows[0].Length;
        _inverseScale = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var std = Math.Sqrt(Statistics.Variance(_reference.Select(r => (double)r[c]).ToArray()));
            _inverseScale[c] = std > 1e-12 ? (float)(1 / std) : 1f;
        }
    }

    public override float[][] Transform(float[][] rows)
    {
        var k = Math.Min(neighbours, _reference.Length);
        var result = Copy(rows);
        foreach (var row in result)
        {
            if (row.All(v => !float.IsNaN(v))) continue;
            var distances = new float[_reference.Length];
            for (var r = 0; r < _reference.Length; r++)
            {
                float d = 0;
                for (var c = 0; c < row.Length; c++)
                {
                    if (float.IsNaN(row[c])) continue;
                    var diff = (row[c] - _reference[r][c]) * _inverseScale[c];
                    d += diff * diff;
                }
                distances[r] = d;
            }
            // Ties go to the lower index, as ONNX TopK does.
            var nearest = Enumerable.Range(0, _reference.Length).OrderBy(i => distances[i]).ThenBy(i => i).Take(k).ToArray();
            for (var c = 0; c < row.Length; c++)
                if (float.IsNaN(row[c]))
                {
                    float sum = 0;
                    foreach (var i in nearest) sum += _reference[i][c];
                    row[c] = sum / k;
                }
        }
        return result;
    }

    public override string EmitOnnx(OnnxGraphBuilder graph, string input)
    {
        var n = _reference.Length;
        var columns = _inverseScale.Length;
        var k = Math.Min(neighbours, n);
        var reference = graph.Constant("knn_reference", _reference.SelectMany(r => r).ToArray(), n, columns);
        var scaledReferenceT = graph.Constant("knn_reference_scaled_t", Transpose(_reference.Select(r => r.Select((v, c) => v * _inverseScale[c]).ToArray()).ToArray()), columns, n);
        var squaredReferenceT = graph.Constant("knn_reference_sq_t", Transpose(_reference.Select(r => r.Select((v, c) => v * _inverseScale[c] * (v * _inverseScale[c])).ToArray()).ToArray()), columns, n);
        var isMissing = graph.Apply("IsNaN", input);
        var observed = graph.Cast(graph.Apply("Not", isMissing), DataType.Float);
        var zeroFilled = graph.Apply("Where", isMissing, graph.Scalar(0), input);
        var scaled = graph.Apply("Mul", zeroFilled, graph.Constant("knn_inv_scale", _inverseScale, 1, columns));
        // d = sum_c m*x^2 - 2 (m*x)·r + m·r^2, all over observed columns only.
        var term1 = graph.Apply("MatMul", graph.Apply("Mul", scaled, scaled), graph.Constant("ones", Enumerable.Repeat(1f, columns).ToArray(), columns, 1));
        var term2 = graph.Apply("MatMul", scaled, scaledReferenceT);
        var term3 = graph.Apply("MatMul", observed, squaredReferenceT);
        var distance = graph.Apply("Add", graph.Apply("Sub", term1, graph.Apply("Mul", term2, graph.Scalar(2))), term3);
        var topk = graph.Apply("TopK", "", 2, distance, graph.Constant("k", [k], 1)).Attr("largest", 0).Attr("sorted", 1).Outputs;
        var picked = new List<string>();
        for (var t = 0; t < k; t++)
        {
            var index = graph.Apply("Gather", topk[1], graph.Constant("t", [t], 1)).Attr("axis", 1); // [N,1]
            picked.Add(graph.Apply("Gather", reference, index).Attr("axis", 0));       // [N,1,C]
        }
        var sum = picked.Count == 1 ? picked[0] : graph.Apply("Sum", picked.ToArray());
        var mean = graph.Apply("Div", graph.Apply("Reshape", sum, graph.Constant("shape", [-1, columns], 2)), graph.Scalar(k));
        return graph.Apply("Where", isMissing, mean, input);
    }

    private static float[] Transpose(float[][] rows)
    {
        var n = rows.Length;
        var columns = n == 0 ? 0 : rows[0].Length;
        var result = new float[n * columns];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < columns; c++)
                result[c * n + r] = rows[r][c];
        return result;
    }
}
