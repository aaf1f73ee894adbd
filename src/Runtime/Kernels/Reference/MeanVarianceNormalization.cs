using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// MeanVarianceNormalization: (x − E[x]) / (sqrt(E[x²] − E[x]²) + 1e-9), the expectations taken
/// over axes (default [0, 2, 3]), as the ONNX function defines it. float16 and bfloat16 are
/// computed in float32.
/// </summary>
public sealed class MeanVarianceNormalization : Kernel
{
    private readonly long[] _axes;
    private int[] _offsets = [];
    private float[]? _x, _y;

    private MeanVarianceNormalization(long[] axes) => _axes = axes;

    public static Kernel Create(KernelInfo info) => new MeanVarianceNormalization(info.Attributes.GetInts("axes", [0, 2, 3]));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        if (x.Length == 0) return;
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), x.Shape, y.Span<float>()); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), x.Shape, y.Span<double>()); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), x.Shape, ys);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<long> shape, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rank = shape.Length;
        Span<bool> reduced = stackalloc bool[rank];
        reduced.Clear();
        foreach (var a in _axes) reduced[KernelHelpers.NormalizeAxis(a, rank)] = true;
        Span<long> strides = stackalloc long[rank];
        Broadcast.DenseStrides(shape, strides);
        Span<long> redDims = stackalloc long[rank], redStrides = stackalloc long[rank], keptDims = stackalloc long[rank], keptStrides = stackalloc long[rank];
        int nRed = 0, nKept = 0;
        for (int i = 0; i < rank; i++)
        {
            if (reduced[i]) { redDims[nRed] = shape[i]; redStrides[nRed++] = strides[i]; }
            else { keptDims[nKept] = shape[i]; keptStrides[nKept++] = strides[i]; }
        }
        int count = (int)KernelHelpers.Product(redDims, 0, nRed), groups = (int)KernelHelpers.Product(keptDims, 0, nKept);
        if (_offsets.Length < count) _offsets = new int[count];
        var offsets = _offsets.AsSpan(0, count);
        FillOffsets(redDims[..nRed], redStrides[..nRed], offsets);
        T n = T.CreateChecked(count), epsilon = T.CreateChecked(1e-9);
        Span<long> index = stackalloc long[nKept];
        index.Clear();
        long baseOffset = 0;
        for (int g = 0; g < groups; g++)
        {
            T sum = T.Zero, squares = T.Zero;
            foreach (var o in offsets)
            {
                T v = x[(int)baseOffset + o];
                sum += v;
                squares += v * v;
            }
            T mean = sum / n;
            T std = T.Sqrt(T.Max(squares / n - mean * mean, T.Zero));
            foreach (var o in offsets) y[(int)baseOffset + o] = (x[(int)baseOffset + o] - mean) / (std + epsilon);
            for (int k = nKept - 1; k >= 0; k--)
            {
                baseOffset += keptStrides[k];
                if (++index[k] < keptDims[k]) break;
                baseOffset -= keptStrides[k] * keptDims[k];
                index[k] = 0;
            }
        }
    }

    private static void FillOffsets(ReadOnlySpan<long> dims, ReadOnlySpan<long> strides, Span<int> offsets)
    {
        Span<long> index = stackalloc long[dims.Length];
        index.Clear();
        long offset = 0;
        for (int r = 0; r < offsets.Length; r++)
        {
            offsets[r] = (int)offset;
            for (int k = dims.Length - 1; k >= 0; k--)
            {
                offset += strides[k];
                if (++index[k] < dims[k]) break;
                offset -= strides[k] * dims[k];
                index[k] = 0;
            }
        }
    }
}
