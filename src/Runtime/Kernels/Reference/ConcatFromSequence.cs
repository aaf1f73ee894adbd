using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ConcatFromSequence (opset 11): joins the tensors of a sequence along <c>axis</c>
/// (numpy.concatenate), or along a new axis inserted at <c>axis</c> when new_axis is 1 (numpy.stack).</summary>
public sealed class ConcatFromSequence : Kernel
{
    private readonly long _axis;
    private readonly bool _newAxis;

    private ConcatFromSequence(long axis, bool newAxis)
    {
        _axis = axis;
        _newAxis = newAxis;
    }

    public static Kernel Create(KernelInfo info)
    {
        if (!info.Attributes.Has("axis")) throw info.Error("needs the attribute 'axis'");
        return new ConcatFromSequence(info.Attributes.GetInt("axis", 0), info.Attributes.GetInt("new_axis", 0) != 0);
    }

    public override void Execute(KernelContext context)
    {
        var sequence = SequenceInputs.Sequence(context, 0);
        var items = sequence.Items;
        if (items.Count == 0) throw context.Error("cannot concatenate an empty sequence");
        var first = items[0];
        int rank = first.Rank;
        int outRank = _newAxis ? rank + 1 : rank;
        if (outRank > Broadcast.MaxRank) throw context.Error($"rank {outRank} exceeds {Broadcast.MaxRank}");
        if (!_newAxis && rank == 0) throw context.Error("cannot concatenate scalars without new_axis");
        int axis = KernelHelpers.NormalizeAxis(_axis, outRank);

        // Output shape: the first item's, with the joined axis summed (or inserted with the item count).
        Span<long> dims = stackalloc long[outRank];
        long joined = 0;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Kind != ValueKind.Tensor || item.Type != first.Type || item.Rank != rank)
                throw context.Error($"item {i} ({DataTypeInfo.Name(item.Type)}{Tensor.ShapeText(item.Shape)}) does not match item 0 ({DataTypeInfo.Name(first.Type)}{Tensor.ShapeText(first.Shape)})");
            for (int d = 0; d < rank; d++)
            {
                if (!_newAxis && d == axis) continue;
                if (item.Dim(d) != first.Dim(d))
                    throw context.Error($"item {i} has shape {Tensor.ShapeText(item.Shape)}, which does not fit item 0's {Tensor.ShapeText(first.Shape)}");
            }
            joined += _newAxis ? 1 : item.Dim(axis);
        }
        for (int d = 0, k = 0; d < outRank; d++)
        {
            if (d == axis) { dims[d] = joined; if (_newAxis) continue; k++; }
            else dims[d] = first.Dim(k++);
        }
        var y = context.Output(0);
        y.Allocate(first.Type, dims);

        long outer = KernelHelpers.Product(dims, 0, axis);
        long inner = KernelHelpers.Product(dims, axis + 1, outRank);
        long offset = 0;
        foreach (var item in items)
        {
            long size = _newAxis ? 1 : item.Dim(axis);
            for (long o = 0; o < outer; o++)
                ElementCopy.Copy(item, o * size * inner, y, (o * joined + offset) * inner, size * inner);
            offset += size;
        }
    }
}
