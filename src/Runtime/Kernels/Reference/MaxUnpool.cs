using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// MaxUnpool: the partial inverse of MaxPool. Y starts at zero and each X value is written at the
/// flat position its index I names. Y's shape is the optional output_shape input, else per axis
/// (input − 1) · stride + kernel − pads. Indices are flat positions in Y, as MaxPool produces them
/// for its input when output_shape restores that input's shape (ONNX Runtime does the same; the
/// ONNX reference instead reads them in the default shape and pads that to output_shape).
/// Values are copied as bytes, so every element type works.
/// </summary>
public sealed class MaxUnpool : Kernel
{
    private readonly long[] _kernel;
    private readonly long[]? _strides, _pads;

    private MaxUnpool(long[] kernel, long[]? strides, long[]? pads)
    {
        _kernel = kernel;
        _strides = strides;
        _pads = pads;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var kernel = a.GetIntsOrNull("kernel_shape") ?? throw info.Error("attribute kernel_shape is required");
        return new MaxUnpool(kernel, a.GetIntsOrNull("strides"), a.GetIntsOrNull("pads"));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var indices = context.Input(1);
        var outputShape = context.OptionalInput(2);
        var y = context.Output(0);
        int rank = x.Rank, spatial = rank - 2;
        if (spatial < 1) throw context.Error($"X must have rank 3 or more (N, C, spatial...), not {rank}");
        if (_kernel.Length != spatial) throw context.Error($"kernel_shape has {_kernel.Length} values, expected {spatial}");
        if (!indices.Shape.SequenceEqual(x.Shape)) throw context.Error($"I {Tensor.ShapeText(indices.Shape)} must have the shape of X {Tensor.ShapeText(x.Shape)}");
        if (indices.Type != DataType.Int64) throw context.Error("I must be int64");
        Span<long> shape = stackalloc long[rank];
        if (outputShape != null)
        {
            if (KernelHelpers.ReadInt64s(outputShape, shape) != rank) throw context.Error($"output_shape must have {rank} values");
            if (shape[0] != x.Dim(0) || shape[1] != x.Dim(1)) throw context.Error($"output_shape {Tensor.ShapeText(shape)} must keep X's batch and channels");
        }
        else
        {
            shape[0] = x.Dim(0);
            shape[1] = x.Dim(1);
            for (int i = 0; i < spatial; i++)
            {
                long stride = _strides?[i] ?? 1;
                long pads = (_pads?[i] ?? 0) + (_pads?[i + spatial] ?? 0);
                shape[2 + i] = (x.Dim(2 + i) - 1) * stride + _kernel[i] - pads;
            }
        }
        y.Allocate(x.Type, shape);
        y.Bytes.Clear();
        int size = DataTypeInfo.BitsPerElement(x.Type) / 8;
        if (size == 0) throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        long total = y.Length;
        var idx = indices.ReadOnlySpan<long>();
        var src = x.Bytes;
        var dst = y.Bytes;
        for (int i = 0; i < idx.Length; i++)
        {
            long target = idx[i];
            if (target < 0 || target >= total) throw context.Error($"index {target} is out of range [0, {total})");
            src.Slice(i * size, size).CopyTo(dst.Slice((int)target * size, size));
        }
    }
}
