using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ai.edgeml.SumToShape(X, shape): sums X over the dimensions along which a tensor of
/// <c>shape</c> would have been broadcast to X's shape, giving a tensor of <c>shape</c>. It is the
/// reverse of Expand, used for the gradient of broadcasting operators.
/// </summary>
public sealed class SumToShape : Kernel
{
    public static Kernel Create(KernelInfo info) => new SumToShape();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        Span<long> target = stackalloc long[Broadcast.MaxRank];
        int rank = KernelHelpers.ReadInt64s(context.Input(1), target);
        target = target[..rank];
        Span<long> check = stackalloc long[Broadcast.MaxRank];
        int outRank = Broadcast.Shape(x.Shape, target, check, "SumToShape");
        if (outRank != x.Rank || !check[..outRank].SequenceEqual(x.Shape))
            throw context.Error($"shape {Tensor.ShapeText(target)} does not broadcast to {Tensor.ShapeText(x.Shape)}");
        var y = context.Output(0);
        y.Allocate(x.Type, target);
        switch (x.Type)
        {
            case DataType.Float: Sum<float>(x, y); break;
            case DataType.Double: Sum<double>(x, y); break;
            case DataType.Float16: Sum<Half>(x, y); break;
            case DataType.Int32: Sum<int>(x, y); break;
            case DataType.Int64: Sum<long>(x, y); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private static void Sum<T>(Tensor x, Tensor y) where T : unmanaged, System.Numerics.INumber<T>
    {
        var src = x.ReadOnlySpan<T>();
        var dst = y.Span<T>();
        dst.Clear();
        int rank = x.Rank;
        Span<long> strides = stackalloc long[Math.Max(rank, 1)];
        Broadcast.Strides(y.Shape, x.Shape, strides[..rank]);
        Span<long> index = stackalloc long[Math.Max(rank, 1)];
        index.Clear();
        long offset = 0;
        for (int i = 0; i < src.Length; i++)
        {
            dst[(int)offset] += src[i];
            for (int d = rank - 1; d >= 0; d--)
            {
                index[d]++;
                offset += strides[d];
                if (index[d] < x.Dim(d)) break;
                offset -= strides[d] * x.Dim(d);
                index[d] = 0;
            }
        }
    }
}
