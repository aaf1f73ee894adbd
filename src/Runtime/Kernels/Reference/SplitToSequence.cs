using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// SplitToSequence (opsets 11, 24): splits a tensor along <c>axis</c> into a sequence. Without
/// <c>split</c> the pieces have length 1 and, when keepdims is 0, lose the split axis; a scalar
/// <c>split</c> gives pieces of that length (the last may be shorter); a 1-D <c>split</c> gives the
/// pieces' lengths, which must add up to the axis length.
/// </summary>
public sealed class SplitToSequence : Kernel
{
    private readonly long _axis;
    private readonly bool _keepDims;

    private SplitToSequence(long axis, bool keepDims)
    {
        _axis = axis;
        _keepDims = keepDims;
    }

    public static Kernel Create(KernelInfo info)
        => new SplitToSequence(info.Attributes.GetInt("axis", 0), info.Attributes.GetInt("keepdims", 1) != 0);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var split = context.OptionalInput(1);
        if (x.Kind != ValueKind.Tensor) throw context.Error("input must be a tensor");
        if (x.Rank == 0) throw context.Error("cannot split a scalar");
        int axis = KernelHelpers.NormalizeAxis(_axis, x.Rank);
        long length = x.Dim(axis);
        var y = context.Output(0);
        y.SetSequence(x.Type);

        if (split == null)
        {
            for (long start = 0; start < length; start++) AddPiece(x, axis, start, 1, !_keepDims, y);
            return;
        }
        if (split.Rank == 0)
        {
            long size = KernelHelpers.ReadInt64Scalar(split);
            if (size <= 0) throw context.Error($"split must be positive, not {size}");
            for (long start = 0; start < length; start += size) AddPiece(x, axis, start, Math.Min(size, length - start), false, y);
            return;
        }
        if (split.Rank != 1) throw context.Error($"split must be a scalar or 1-D, not shape {Tensor.ShapeText(split.Shape)}");
        long total = 0;
        for (int i = 0; i < split.Length; i++)
        {
            long size = ReadSplit(context, split, i);
            if (size < 0) throw context.Error($"split[{i}] is negative ({size})");
            total += size;
        }
        if (total != length) throw context.Error($"split adds up to {total} but axis {axis} has length {length}");
        long offset = 0;
        for (int i = 0; i < split.Length; i++)
        {
            long size = ReadSplit(context, split, i);
            AddPiece(x, axis, offset, size, false, y);
            offset += size;
        }
    }

    private static long ReadSplit(KernelContext context, Tensor split, int i) => split.Type switch
    {
        DataType.Int64 => split.ReadOnlySpan<long>()[i],
        DataType.Int32 => split.ReadOnlySpan<int>()[i],
        _ => throw context.Error($"split must be int32 or int64, not {DataTypeInfo.Name(split.Type)}"),
    };

    /// <summary>Appends x[..., start:start+size, ...] (along axis) to the sequence, without the axis when <paramref name="squeeze"/>.</summary>
    private static void AddPiece(Tensor x, int axis, long start, long size, bool squeeze, Tensor sequence)
    {
        Span<long> dims = stackalloc long[x.Rank];
        int rank = 0;
        for (int d = 0; d < x.Rank; d++)
        {
            if (d != axis) dims[rank++] = x.Dim(d);
            else if (!squeeze) dims[rank++] = size;
        }
        var piece = sequence.AddItem();
        piece.Allocate(x.Type, dims[..rank]);
        long outer = KernelHelpers.Product(x.Shape, 0, axis);
        long inner = KernelHelpers.Product(x.Shape, axis + 1, x.Rank);
        long length = x.Dim(axis);
        for (long o = 0; o < outer; o++)
            ElementCopy.Copy(x, (o * length + start) * inner, piece, o * size * inner, size * inner);
    }
}
