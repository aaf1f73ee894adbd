using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// MaxUnpool: the partial inverse of MaxPool. Y starts at zero and each X value is written at the
/// position its index I names. The default output size per axis is (input − 1) · stride + kernel −
/// pads; the optional output_shape input overrides it. Indices are flat positions in the default
/// shape (as MaxPool produced them); their coordinates are kept when output_shape is larger, as the
/// ONNX reference does. Values are copied as bytes, so every element type works.
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
        // The default (MaxPool input) shape, in which the indices are flat positions.
        Span<long> inferred = stackalloc long[rank];
        inferred[0] = x.Dim(0);
        inferred[1] = x.Dim(1);
        for (int i = 0; i < spatial; i++)
        {
            long stride = _strides?[i] ?? 1;
            long pads = (_pads?[i] ?? 0) + (_pads?[i + spatial] ?? 0);
            inferred[2 + i] = (x.Dim(2 + i) - 1) * stride + _kernel[i] - pads;
        }
        Span<long> shape = stackalloc long[rank];
        if (outputShape != null)
        {
            if (KernelHelpers.ReadInt64s(outputShape, shape) != rank) throw context.Error($"output_shape must have {rank} values");
            for (int i = 0; i < rank; i++)
                if (i < 2 ? shape[i] != inferred[i] : shape[i] < inferred[i])
                    throw context.Error($"output_shape {Tensor.ShapeText(shape)} is smaller than the unpooled shape {Tensor.ShapeText(inferred)}");
        }
        else inferred.CopyTo(shape);
        y.Allocate(x.Type, shape);
        y.Bytes.Clear();
        int size = DataTypeInfo.BitsPerElement(x.Type) / 8;
        if (size == 0) throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        long total = Broadcast.Count(inferred);
        var idx = indices.ReadOnlySpan<long>();
        var src = x.Bytes;
        var dst = y.Bytes;
        for (int i = 0; i < idx.Length; i++)
        {
            long flat = idx[i];
            if (flat < 0 || flat >= total) throw context.Error($"index {flat} is out of range [0, {total})");
            // Coordinates in the inferred shape, re-flattened in the output shape.
            long target = 0, rest = flat, scale = 1;
            for (int d = rank - 1; d >= 0; d--)
            {
                long coordinate = rest % inferred[d];
                rest /= inferred[d];
                target += coordinate * scale;
                scale *= shape[d];
            }
            src.Slice(i * size, size).CopyTo(dst.Slice((int)target * size, size));
        }
    }
}
