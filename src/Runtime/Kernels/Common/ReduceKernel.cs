using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>The function of one Reduce* operator: it turns the values of one reduction (in input
/// order; possibly none) into the output element. Implementations are structs passed as type
/// arguments, like the elementwise operators.</summary>
public interface IReduceOperator
{
    /// <summary>The opset from which axes is an input rather than an attribute (13 for ReduceSum, 18 for the others).</summary>
    static abstract int AxesInputSince { get; }

    /// <summary>Whether bool tensors are accepted (ReduceMax and ReduceMin from opset 20).</summary>
    static abstract bool SupportsBool { get; }

    static abstract T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>;

    static abstract T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>;
}

/// <summary>
/// The kernel of every Reduce* operator, written once: axes from the attribute (older opsets) or
/// the optional second input (with noop_with_empty_axes), negative axes, keepdims, empty
/// reductions. Each output element's values are handed to the operator as one span: a slice of
/// the input when the reduced axes are the trailing ones, else gathered into scratch.
/// float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class ReduceKernel<TOp> : Kernel where TOp : IReduceOperator
{
    private readonly long[]? _axesAttribute;
    private readonly bool _axesFromInput, _keepDims, _noopWithEmptyAxes;
    private int[] _offsets = [];
    private byte[] _gather = [];
    private float[]? _x, _y;

    private ReduceKernel(long[]? axesAttribute, bool axesFromInput, bool keepDims, bool noopWithEmptyAxes)
    {
        _axesAttribute = axesAttribute;
        _axesFromInput = axesFromInput;
        _keepDims = keepDims;
        _noopWithEmptyAxes = noopWithEmptyAxes;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        bool fromInput = info.Version >= TOp.AxesInputSince;
        if (fromInput && a.Has("axes")) throw info.Error($"opset {info.Version} takes axes as an input, not an attribute");
        return new ReduceKernel<TOp>(fromInput ? null : a.GetIntsOrNull("axes"), fromInput, a.GetInt("keepdims", 1) != 0,
            fromInput && a.GetInt("noop_with_empty_axes", 0) != 0);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        if (rank > Broadcast.MaxRank) throw context.Error($"rank {rank} exceeds {Broadcast.MaxRank}");
        Span<long> axesBuffer = stackalloc long[Broadcast.MaxRank];
        scoped ReadOnlySpan<long> axes = _axesAttribute;
        if (_axesFromInput)
        {
            var t = context.OptionalInput(1);
            axes = t == null ? default : axesBuffer[..KernelHelpers.ReadInt64s(t, axesBuffer)];
        }
        Span<bool> reduced = stackalloc bool[rank];
        // Empty axes reduce everything, or with noop_with_empty_axes nothing: each element is then
        // reduced alone (ReduceSumSquare squares it, ReduceL1 takes its magnitude), as ONNX Runtime does.
        if (axes.IsEmpty) reduced.Fill(!_noopWithEmptyAxes);
        else
        {
            reduced.Clear();
            foreach (var axis in axes) reduced[KernelHelpers.NormalizeAxis(axis, rank)] = true;
        }
        Span<long> shape = stackalloc long[rank];
        int outRank = 0;
        for (int i = 0; i < rank; i++)
        {
            if (!reduced[i]) shape[outRank++] = x.Dim(i);
            else if (_keepDims) shape[outRank++] = 1;
        }
        y.Allocate(x.Type, shape[..outRank]);
        switch (x.Type)
        {
            case DataType.Float: Loop<float, FloatApply<float>>(x.ReadOnlySpan<float>(), x.Shape, reduced, y.Span<float>()); break;
            case DataType.Double: Loop<double, FloatApply<double>>(x.ReadOnlySpan<double>(), x.Shape, reduced, y.Span<double>()); break;
            case DataType.Int8: Loop<sbyte, IntegerApply<sbyte>>(x.ReadOnlySpan<sbyte>(), x.Shape, reduced, y.Span<sbyte>()); break;
            case DataType.UInt8: Loop<byte, IntegerApply<byte>>(x.ReadOnlySpan<byte>(), x.Shape, reduced, y.Span<byte>()); break;
            case DataType.Int16: Loop<short, IntegerApply<short>>(x.ReadOnlySpan<short>(), x.Shape, reduced, y.Span<short>()); break;
            case DataType.UInt16: Loop<ushort, IntegerApply<ushort>>(x.ReadOnlySpan<ushort>(), x.Shape, reduced, y.Span<ushort>()); break;
            case DataType.Int32: Loop<int, IntegerApply<int>>(x.ReadOnlySpan<int>(), x.Shape, reduced, y.Span<int>()); break;
            case DataType.Int64: Loop<long, IntegerApply<long>>(x.ReadOnlySpan<long>(), x.Shape, reduced, y.Span<long>()); break;
            case DataType.UInt32: Loop<uint, IntegerApply<uint>>(x.ReadOnlySpan<uint>(), x.Shape, reduced, y.Span<uint>()); break;
            case DataType.UInt64: Loop<ulong, IntegerApply<ulong>>(x.ReadOnlySpan<ulong>(), x.Shape, reduced, y.Span<ulong>()); break;
            case DataType.Bool when TOp.SupportsBool: Loop<byte, IntegerApply<byte>>(x.ReadOnlySpan<byte>(), x.Shape, reduced, y.Span<byte>()); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Loop<float, FloatApply<float>>(FloatStaging.Widen(x, ref _x), x.Shape, reduced, ys);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private interface IApply<T>
    {
        static abstract T Apply(ReadOnlySpan<T> values);
    }

    private readonly struct FloatApply<T> : IApply<T> where T : IFloatingPointIeee754<T>
    {
        public static T Apply(ReadOnlySpan<T> values) => TOp.ReduceFloat(values);
    }

    private readonly struct IntegerApply<T> : IApply<T> where T : IBinaryInteger<T>
    {
        public static T Apply(ReadOnlySpan<T> values) => TOp.ReduceInteger(values);
    }

    private void Loop<T, TApply>(ReadOnlySpan<T> x, ReadOnlySpan<long> shape, ReadOnlySpan<bool> reduced, Span<T> y)
        where T : unmanaged where TApply : IApply<T>
    {
        if (y.IsEmpty) return;
        int rank = shape.Length;
        Span<long> strides = stackalloc long[rank];
        Broadcast.DenseStrides(shape, strides);
        // The reduced axes, and the kept axes the output iterates over.
        Span<long> redDims = stackalloc long[rank];
        Span<long> redStrides = stackalloc long[rank];
        Span<long> keptDims = stackalloc long[rank];
        Span<long> keptStrides = stackalloc long[rank];
        int nRed = 0, nKept = 0;
        bool trailing = true;
        for (int i = 0; i < rank; i++)
        {
            if (reduced[i])
            {
                redDims[nRed] = shape[i];
                redStrides[nRed++] = strides[i];
            }
            else
            {
                if (nRed > 0 && shape[i] != 1) trailing = false;
                keptDims[nKept] = shape[i];
                keptStrides[nKept++] = strides[i];
            }
        }
        int count = (int)KernelHelpers.Product(redDims, 0, nRed);
        if (!trailing)
        {
            // Offsets of every reduced element relative to the output element's first input.
            if (_offsets.Length < count) _offsets = new int[count];
            Span<long> index = stackalloc long[nRed];
            index.Clear();
            for (int r = 0; r < count; r++)
            {
                long offset = 0;
                for (int k = 0; k < nRed; k++) offset += index[k] * redStrides[k];
                _offsets[r] = (int)offset;
                for (int k = nRed - 1; k >= 0; k--)
                {
                    if (++index[k] < redDims[k]) break;
                    index[k] = 0;
                }
            }
            int bytes = count * Unsafe.SizeOf<T>();
            if (_gather.Length < bytes) _gather = new byte[bytes];
        }
        Span<T> gather = trailing ? default : MemoryMarshal.Cast<byte, T>(_gather.AsSpan()).Slice(0, count);
        Span<long> keptIndex = stackalloc long[nKept];
        keptIndex.Clear();
        long baseOffset = 0;
        for (int o = 0; o < y.Length; o++)
        {
            if (trailing)
            {
                y[o] = TApply.Apply(x.Slice(o * count, count));
            }
            else
            {
                for (int r = 0; r < count; r++) gather[r] = x[(int)baseOffset + _offsets[r]];
                y[o] = TApply.Apply(gather);
            }
            for (int k = nKept - 1; k >= 0; k--)
            {
                baseOffset += keptStrides[k];
                if (++keptIndex[k] < keptDims[k]) break;
                baseOffset -= keptStrides[k] * keptDims[k];
                keptIndex[k] = 0;
            }
        }
    }
}
