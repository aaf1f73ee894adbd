using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// RotaryEmbedding: rotates the first rotary_embedding_dim (default head_size) features of every
/// head by position-dependent angles: pairs (x1, x2), either the two halves or, with interleaved,
/// adjacent elements, become (cos · x1 − sin · x2, sin · x1 + cos · x2); the other features are
/// copied. cos and sin come from the caches indexed by position_ids ([max_position, dim / 2]) or,
/// without position_ids, are given per token ([batch, sequence, dim / 2]). X is
/// [batch, heads, sequence, head_size] or [batch, sequence, heads · head_size] (num_heads).
/// float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class RotaryEmbedding : Kernel
{
    private readonly bool _interleaved;
    private readonly long _numHeads, _rotaryDim;
    private float[]? _x, _c, _s, _y;

    private RotaryEmbedding(bool interleaved, long numHeads, long rotaryDim)
    {
        _interleaved = interleaved;
        _numHeads = numHeads;
        _rotaryDim = rotaryDim;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new RotaryEmbedding(a.GetInt("interleaved", 0) != 0, a.GetInt("num_heads", 0), a.GetInt("rotary_embedding_dim", 0));
    }

    private readonly record struct Dims(int Batch, int Heads, int Length, int HeadSize, int RotaryDim, bool ThreeD, int MaxPosition);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var cos = context.Input(1);
        var sin = context.Input(2);
        var positions = context.OptionalInput(3);
        var y = context.Output(0);
        if (cos.Type != x.Type || sin.Type != x.Type) throw context.Error("X, cos_cache and sin_cache must have the same element type");
        bool threeD = x.Rank == 3;
        int batch, heads, length, headSize;
        if (x.Rank == 4)
        {
            batch = (int)x.Dim(0);
            heads = (int)x.Dim(1);
            length = (int)x.Dim(2);
            headSize = (int)x.Dim(3);
        }
        else if (threeD)
        {
            if (_numHeads < 1) throw context.Error("a 3-D input needs the num_heads attribute");
            if (x.Dim(2) % _numHeads != 0) throw context.Error($"hidden size {x.Dim(2)} is not a multiple of num_heads {_numHeads}");
            batch = (int)x.Dim(0);
            length = (int)x.Dim(1);
            heads = (int)_numHeads;
            headSize = (int)(x.Dim(2) / _numHeads);
        }
        else throw context.Error($"X must be 3-D or 4-D, not {Tensor.ShapeText(x.Shape)}");
        int rotaryDim = _rotaryDim == 0 ? headSize : (int)_rotaryDim;
        if (rotaryDim > headSize || rotaryDim % 2 != 0) throw context.Error($"rotary dimension {rotaryDim} must be even and at most the head size {headSize}");
        int half = rotaryDim / 2;
        int maxPosition = 0;
        if (positions != null)
        {
            if (cos.Rank != 2 || cos.Dim(1) != half || !sin.Shape.SequenceEqual(cos.Shape)) throw context.Error($"with position_ids the caches must be [max_position, {half}]");
            if (positions.Length != (long)batch * length) throw context.Error($"position_ids must be [{batch}, {length}]");
            maxPosition = (int)cos.Dim(0);
        }
        else if (cos.Rank != 3 || cos.Dim(0) != batch || cos.Dim(1) != length || cos.Dim(2) != half || !sin.Shape.SequenceEqual(cos.Shape))
            throw context.Error($"without position_ids the caches must be [{batch}, {length}, {half}]");
        y.Allocate(x.Type, x.Shape);
        var d = new Dims(batch, heads, length, headSize, rotaryDim, threeD, maxPosition);
        ReadOnlySpan<long> ids = default;
        if (positions != null)
        {
            if (positions.Type != DataType.Int64) throw context.Error("position_ids must be int64");
            ids = positions.ReadOnlySpan<long>();
        }
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), cos.ReadOnlySpan<float>(), sin.ReadOnlySpan<float>(), ids, y.Span<float>(), d); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), cos.ReadOnlySpan<double>(), sin.ReadOnlySpan<double>(), ids, y.Span<double>(), d); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), FloatStaging.Widen(cos, ref _c), FloatStaging.Widen(sin, ref _s), ids, ys, d);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> cos, ReadOnlySpan<T> sin, ReadOnlySpan<long> positions, Span<T> y, Dims d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int half = d.RotaryDim / 2;
        for (int b = 0; b < d.Batch; b++)
        {
            for (int s = 0; s < d.Length; s++)
            {
                int row;
                if (positions.IsEmpty) row = b * d.Length + s;
                else
                {
                    long p = positions[b * d.Length + s];
                    if (p < 0 || p >= d.MaxPosition) throw new EdgeMLException($"position id {p} is outside the caches' [0, {d.MaxPosition})");
                    row = (int)p;
                }
                var c = cos.Slice(row * half, half);
                var sn = sin.Slice(row * half, half);
                for (int h = 0; h < d.Heads; h++)
                {
                    int offset = d.ThreeD ? (b * d.Length + s) * d.Heads * d.HeadSize + h * d.HeadSize : ((b * d.Heads + h) * d.Length + s) * d.HeadSize;
                    var xs = x.Slice(offset, d.HeadSize);
                    var ys = y.Slice(offset, d.HeadSize);
                    for (int i = 0; i < half; i++)
                    {
                        int i1 = _interleaved ? 2 * i : i, i2 = _interleaved ? 2 * i + 1 : i + half;
                        T x1 = xs[i1], x2 = xs[i2];
                        ys[i1] = c[i] * x1 - sn[i] * x2;
                        ys[i2] = sn[i] * x1 + c[i] * x2;
                    }
                    xs[d.RotaryDim..].CopyTo(ys[d.RotaryDim..]);
                }
            }
        }
    }
}
