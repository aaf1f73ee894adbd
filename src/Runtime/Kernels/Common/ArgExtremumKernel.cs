using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The kernel of ArgMax and ArgMin, written once: the int64 index of the largest (or smallest)
/// value along axis, the first one on ties or the last with select_last_index (opset 12), with or
/// without keepdims. float16 and bfloat16 are compared as float32 (exactly).
/// </summary>
public sealed class ArgExtremumKernel : Kernel
{
    private readonly long _axis;
    private readonly bool _keepDims, _selectLast, _max;
    private float[]? _x;

    private ArgExtremumKernel(long axis, bool keepDims, bool selectLast, bool max)
    {
        _axis = axis;
        _keepDims = keepDims;
        _selectLast = selectLast;
        _max = max;
    }

    public static Kernel Create(KernelInfo info, bool max)
    {
        var a = info.Attributes;
        return new ArgExtremumKernel(a.GetInt("axis", 0), a.GetInt("keepdims", 1) != 0, a.GetInt("select_last_index", 0) != 0, max);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        int axis = KernelHelpers.NormalizeAxis(_axis, rank);
        Span<long> shape = stackalloc long[Math.Max(rank, 1)];
        int outRank = 0;
        for (int i = 0; i < rank; i++)
        {
            if (i != axis) shape[outRank++] = x.Dim(i);
            else if (_keepDims) shape[outRank++] = 1;
        }
        y.Allocate(DataType.Int64, shape[..outRank]);
        int outer = (int)KernelHelpers.Product(x.Shape, 0, axis);
        int n = rank == 0 ? 1 : (int)x.Dim(axis);
        int inner = (int)KernelHelpers.Product(x.Shape, axis + 1, rank);
        if (n == 0 && y.Length > 0) throw context.Error($"axis {axis} has size 0: there is no extremum");
        var ys = y.Span<long>();
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), ys, outer, n, inner); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), ys, outer, n, inner); break;
            case DataType.Int8: Run(x.ReadOnlySpan<sbyte>(), ys, outer, n, inner); break;
            case DataType.UInt8: Run(x.ReadOnlySpan<byte>(), ys, outer, n, inner); break;
            case DataType.Int16: Run(x.ReadOnlySpan<short>(), ys, outer, n, inner); break;
            case DataType.UInt16: Run(x.ReadOnlySpan<ushort>(), ys, outer, n, inner); break;
            case DataType.Int32: Run(x.ReadOnlySpan<int>(), ys, outer, n, inner); break;
            case DataType.Int64: Run(x.ReadOnlySpan<long>(), ys, outer, n, inner); break;
            case DataType.UInt32: Run(x.ReadOnlySpan<uint>(), ys, outer, n, inner); break;
            case DataType.UInt64: Run(x.ReadOnlySpan<ulong>(), ys, outer, n, inner); break;
            case DataType.Float16:
            case DataType.BFloat16: Run(FloatStaging.Widen(x, ref _x), ys, outer, n, inner); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, Span<long> y, int outer, int n, int inner) where T : INumber<T>
    {
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = o * n * inner + i;
                int best = 0;
                T bestValue = x[start];
                for (int k = 1; k < n; k++)
                {
                    T v = x[start + k * inner];
                    bool better = _max
                        ? (_selectLast ? v >= bestValue : v > bestValue)
                        : (_selectLast ? v <= bestValue : v < bestValue);
                    if (better)
                    {
                        best = k;
                        bestValue = v;
                    }
                }
                y[o * inner + i] = best;
            }
        }
    }
}
