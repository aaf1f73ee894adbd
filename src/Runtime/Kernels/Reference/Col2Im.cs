using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Col2Im (opset 18): the inverse of im2col. The input [N, C * prod(block_shape), L] holds one
/// column per sliding-block position; each column's values are added into the image [N, C, image_shape]
/// at the block's pixels (with strides, dilations and pads as in a convolution).</summary>
public sealed class Col2Im : Kernel
{
    private readonly long[]? _dilations, _pads, _strides;
    private double[] _sum = [];

    private Col2Im(long[]? dilations, long[]? pads, long[]? strides)
    {
        _dilations = dilations;
        _pads = pads;
        _strides = strides;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new Col2Im(a.GetIntsOrNull("dilations"), a.GetIntsOrNull("pads"), a.GetIntsOrNull("strides"));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        Span<long> image = stackalloc long[Broadcast.MaxRank];
        Span<long> block = stackalloc long[Broadcast.MaxRank];
        int r = KernelHelpers.ReadInt64s(context.Input(1), image);
        if (KernelHelpers.ReadInt64s(context.Input(2), block) != r) throw context.Error("image_shape and block_shape must have the same length");
        if (x.Rank != 3) throw context.Error($"input must be 3-D, not rank {x.Rank}");
        if (!Numbers.IsNumeric(x.Type) || x.Type == DataType.Bool) throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        if ((_dilations != null && _dilations.Length != r) || (_strides != null && _strides.Length != r) || (_pads != null && _pads.Length != 2 * r))
            throw context.Error($"dilations, strides and pads must have {r}, {r} and {2 * r} values");
        long blockSize = KernelHelpers.Product(block[..r], 0, r);
        if (blockSize == 0 || x.Dim(1) % blockSize != 0) throw context.Error($"input dimension 1 ({x.Dim(1)}) is not a multiple of the block size {blockSize}");
        long n = x.Dim(0), c = x.Dim(1) / blockSize;

        // Block positions per axis, as in a convolution's output.
        Span<long> positions = stackalloc long[r];
        for (int d = 0; d < r; d++)
        {
            long dil = _dilations?[d] ?? 1, stride = _strides?[d] ?? 1;
            long padded = image[d] + (_pads?[d] ?? 0) + (_pads?[r + d] ?? 0);
            positions[d] = (padded - (dil * (block[d] - 1) + 1)) / stride + 1;
            if (positions[d] < 0) positions[d] = 0;
        }
        long columns = KernelHelpers.Product(positions, 0, r);
        if (columns != x.Dim(2)) throw context.Error($"the input has {x.Dim(2)} columns, but the image and block give {columns}");

        Span<long> shape = stackalloc long[r + 2];
        shape[0] = n;
        shape[1] = c;
        image[..r].CopyTo(shape[2..]);
        y.Allocate(x.Type, shape);
        var sum = Scratch.Ensure(ref _sum, y.Length);
        sum.Clear();
        Span<long> imageStrides = stackalloc long[r];
        Broadcast.DenseStrides(image[..r], imageStrides);
        long plane = KernelHelpers.Product(image[..r], 0, r);
        Span<long> offset = stackalloc long[r];
        Span<long> position = stackalloc long[r];
        for (long b = 0; b < n; b++)
        {
            for (long ch = 0; ch < c; ch++)
            {
                offset.Clear();
                for (long k = 0; k < blockSize; k++)
                {
                    long row = (b * c + ch) * blockSize + k;
                    position.Clear();
                    for (long l = 0; l < columns; l++)
                    {
                        long target = 0;
                        bool inside = true;
                        for (int d = 0; d < r; d++)
                        {
                            long p = position[d] * (_strides?[d] ?? 1) - (_pads?[d] ?? 0) + offset[d] * (_dilations?[d] ?? 1);
                            inside &= p >= 0 && p < image[d];
                            target += p * imageStrides[d];
                        }
                        if (inside) sum[(int)((b * c + ch) * plane + target)] += Numbers.Get(x, row * columns + l);
                        IndexMaps.Next(position, positions);
                    }
                    IndexMaps.Next(offset, block[..r]);
                }
            }
        }
        for (long i = 0; i < y.Length; i++) Numbers.Set(y, i, sum[(int)i]);
    }
}
