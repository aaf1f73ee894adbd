using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>NonZero: the coordinates of the non-zero elements in row-major order, as an int64
/// tensor [rank, count] (a scalar is treated as a one-element 1-D tensor, as ONNX Runtime does).</summary>
public sealed class NonZero : Kernel
{
    public static Kernel Create(KernelInfo info) => new NonZero();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (!Numbers.IsNumeric(x.Type) && x.Type != DataType.String) throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        int rank = Math.Max(x.Rank, 1);
        if (rank > Broadcast.MaxRank) throw context.Error($"rank {rank} exceeds {Broadcast.MaxRank}");
        long count = 0;
        for (long i = 0; i < x.Length; i++) if (IsNonZero(x, i)) count++;
        Span<long> shape = [rank, count];
        y.Allocate(DataType.Int64, shape);
        var dst = y.Span<long>();
        Span<long> dims = stackalloc long[rank];
        if (x.Rank == 0) dims[0] = 1;
        else x.Shape.CopyTo(dims);
        Span<long> index = stackalloc long[rank];
        index.Clear();
        long n = 0;
        for (long i = 0; i < x.Length; i++)
        {
            if (IsNonZero(x, i))
            {
                for (int d = 0; d < rank; d++) dst[(int)(d * count + n)] = index[d];
                n++;
            }
            IndexMaps.Next(index, dims);
        }
    }

    private static bool IsNonZero(Tensor x, long i) => x.Type switch
    {
        DataType.String => x.Strings[(int)i].Length != 0,
        DataType.Int64 => x.ReadOnlySpan<long>()[(int)i] != 0,
        DataType.UInt64 => x.ReadOnlySpan<ulong>()[(int)i] != 0,
        _ => Numbers.Get(x, i) != 0,
    };
}
