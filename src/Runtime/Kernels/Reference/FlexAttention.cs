using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ai.onnx.preview FlexAttention: scaled dot-product attention over 4-D [batch, heads, length,
/// size] inputs with grouped key/value heads (query head h reads head h / (q_heads / kv_heads)),
/// and two optional subgraphs that rewrite the whole [B, Hq, L, S] tensor: score_mod after
/// Q·Kᵀ · scale (default 1 / sqrt(head_size)) and prob_mod after the softmax. Scores and
/// probabilities are float32 (double for double inputs, or as softmax_precision says); a row that
/// score_mod masks entirely (all −∞) gives zero probabilities.
/// </summary>
public sealed class FlexAttention : Kernel
{
    private readonly float? _scale;
    private readonly int _scoreMod, _probMod;
    private readonly DataType _precision;
    private readonly ScratchBuffer _scores = new(), _y = new();
    private float[]? _q, _k, _v;
    private double[] _qd = [], _kd = [], _vd = [];

    private FlexAttention(float? scale, int scoreMod, int probMod, DataType precision)
    {
        _scale = scale;
        _scoreMod = scoreMod;
        _probMod = probMod;
        _precision = precision;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var precision = DataType.Undefined;
        if (a.Has("softmax_precision"))
        {
            precision = (DataType)a.GetInt("softmax_precision", 1);
            if (precision is not (DataType.Float or DataType.Double)) throw info.Error($"softmax_precision {(int)precision} is not supported (float or double)");
        }
        return new FlexAttention(a.Has("scale") ? a.GetFloat("scale", 1) : null, a.GetGraph("score_mod"), a.GetGraph("prob_mod"), precision);
    }

    public override void Execute(KernelContext context)
    {
        var q = context.Input(0);
        var k = context.Input(1);
        var v = context.Input(2);
        var y = context.Output(0);
        if (q.Rank != 4 || k.Rank != 4 || v.Rank != 4) throw context.Error("Q, K and V must be 4-D [batch, heads, length, size]");
        if (k.Type != q.Type || v.Type != q.Type) throw context.Error("Q, K and V must have the same element type");
        int batch = (int)q.Dim(0), qHeads = (int)q.Dim(1), length = (int)q.Dim(2), size = (int)q.Dim(3);
        int kvHeads = (int)k.Dim(1), keys = (int)k.Dim(2), vSize = (int)v.Dim(3);
        if (k.Dim(0) != batch || v.Dim(0) != batch || v.Dim(1) != kvHeads || v.Dim(2) != keys || k.Dim(3) != size)
            throw context.Error($"K {Tensor.ShapeText(k.Shape)} and V {Tensor.ShapeText(v.Shape)} do not match Q {Tensor.ShapeText(q.Shape)}");
        if (kvHeads < 1 || qHeads % kvHeads != 0) throw context.Error($"{qHeads} query heads are not a multiple of {kvHeads} key/value heads");
        if (!DataTypeInfo.IsFloat(q.Type)) throw context.Error($"element type {DataTypeInfo.Name(q.Type)} is not supported");
        var precision = _precision != DataType.Undefined ? _precision : q.Type == DataType.Double ? DataType.Double : DataType.Float;
        Span<long> yShape = [batch, qHeads, length, vSize];
        y.Allocate(q.Type, yShape);
        var d = new Dims(batch, qHeads, kvHeads, length, keys, size, vSize);
        if (precision == DataType.Double)
        {
            Run(context, Widen(q, ref _qd), Widen(k, ref _kd), Widen(v, ref _vd), d, DataType.Double, y);
        }
        else
        {
            Run(context, FloatStaging.ToFloat32(q, ref _q), FloatStaging.ToFloat32(k, ref _k), FloatStaging.ToFloat32(v, ref _v), d, DataType.Float, y);
        }
    }

    private readonly record struct Dims(int Batch, int QHeads, int KvHeads, int Length, int Keys, int Size, int VSize);

    private void Run<T>(KernelContext context, ReadOnlySpan<T> q, ReadOnlySpan<T> k, ReadOnlySpan<T> v, Dims d, DataType precision, Tensor y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<long> scoreShape = [d.Batch, d.QHeads, d.Length, d.Keys];
        long count = (long)d.Batch * d.QHeads * d.Length * d.Keys;
        var scores = _scores.Get<T>(count);
        T scale = T.CreateChecked(_scale ?? 1 / Math.Sqrt(d.Size));
        int group = d.QHeads / d.KvHeads;
        for (int b = 0; b < d.Batch; b++)
            for (int h = 0; h < d.QHeads; h++)
            {
                var qHead = q.Slice((b * d.QHeads + h) * d.Length * d.Size, d.Length * d.Size);
                var kHead = k.Slice((b * d.KvHeads + h / group) * d.Keys * d.Size, d.Keys * d.Size);
                var block = scores.Slice((b * d.QHeads + h) * d.Length * d.Keys, d.Length * d.Keys);
                MatrixLoops.MultiplyTransposed(qHead, kHead, block, d.Length, d.Size, d.Keys);
                for (int i = 0; i < block.Length; i++) block[i] *= scale;
            }
        if (_scoreMod >= 0) ApplySubgraph(context, _scoreMod, scores, scoreShape, precision, "score_mod");
        for (long r = 0; r < count / Math.Max(d.Keys, 1); r++) SoftmaxLoops.SoftmaxRow(scores.Slice((int)(r * d.Keys), d.Keys));
        if (_probMod >= 0) ApplySubgraph(context, _probMod, scores, scoreShape, precision, "prob_mod");
        var result = _y.Get<T>(y.Length);
        for (int b = 0; b < d.Batch; b++)
            for (int h = 0; h < d.QHeads; h++)
            {
                var probs = scores.Slice((b * d.QHeads + h) * d.Length * d.Keys, d.Length * d.Keys);
                var vHead = v.Slice((b * d.KvHeads + h / group) * d.Keys * d.VSize, d.Keys * d.VSize);
                MatrixLoops.Multiply(probs, vHead, result.Slice((b * d.QHeads + h) * d.Length * d.VSize, d.Length * d.VSize), d.Length, d.Keys, d.VSize);
            }
        Store(result, y);
    }

    /// <summary>Runs a modifier subgraph on <paramref name="values"/> (shape <paramref name="shape"/>) and copies its output back.</summary>
    private static void ApplySubgraph<T>(KernelContext context, int graphIndex, Span<T> values, ReadOnlySpan<long> shape, DataType precision, string name) where T : unmanaged
    {
        var graph = context.Graph(graphIndex);
        if (graph.Inputs.Length != 1 || graph.Outputs.Length != 1) throw context.Error($"{name} must have one input and one output");
        var input = context.Value(graph.Inputs[0]);
        input.Allocate(precision, shape);
        values.CopyTo(input.Span<T>());
        context.RunGraph(graphIndex);
        var output = context.Value(graph.Outputs[0]);
        if (output.Type != precision || !output.Shape.SequenceEqual(shape))
            throw context.Error($"{name} returned {DataTypeInfo.Name(output.Type)}{Tensor.ShapeText(output.Shape)}, expected {DataTypeInfo.Name(precision)}{Tensor.ShapeText(shape)}");
        output.ReadOnlySpan<T>().CopyTo(values);
    }

    private static ReadOnlySpan<double> Widen(Tensor t, ref double[] scratch)
    {
        if (t.Type == DataType.Double) return t.ReadOnlySpan<double>();
        if (scratch.Length < t.Length) scratch = new double[t.Length];
        var dst = scratch.AsSpan(0, (int)t.Length);
        for (int i = 0; i < dst.Length; i++) dst[i] = KernelHelpers.GetDouble(t, i);
        return dst;
    }

    private static void Store<T>(ReadOnlySpan<T> result, Tensor y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (y.Type)
        {
            case DataType.Float: for (int i = 0; i < result.Length; i++) y.Span<float>()[i] = float.CreateChecked(result[i]); break;
            case DataType.Double: for (int i = 0; i < result.Length; i++) y.Span<double>()[i] = double.CreateChecked(result[i]); break;
            case DataType.Float16: for (int i = 0; i < result.Length; i++) y.Span<Half>()[i] = (Half)float.CreateChecked(result[i]); break;
            case DataType.BFloat16: for (int i = 0; i < result.Length; i++) y.Span<ushort>()[i] = BFloat16.FromSingle(float.CreateChecked(result[i])); break;
            default: throw new EdgeMLException($"element type {DataTypeInfo.Name(y.Type)} is not supported");
        }
    }
}
