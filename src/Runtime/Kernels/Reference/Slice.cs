using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Slice: a strided window of the input. Opset 1 takes starts, ends and axes as attributes;
/// opset 10 on takes them as inputs, with optional axes and steps (negative steps walk backwards).
/// Out-of-range starts and ends are clamped as the ONNX spec says.</summary>
public sealed class Slice : Kernel
{
    private readonly long[]? _starts, _ends, _axes;
    private int[] _map = [];

    private Slice(long[]? starts, long[]? ends, long[]? axes)
    {
        _starts = starts;
        _ends = ends;
        _axes = axes;
    }

    public static Kernel Create(KernelInfo info)
    {
        if (info.Version >= 10) return new Slice(null, null, null);
        var a = info.Attributes;
        var starts = a.GetIntsOrNull("starts") ?? throw info.Error("attribute 'starts' is required");
        var ends = a.GetIntsOrNull("ends") ?? throw info.Error("attribute 'ends' is required");
        return new Slice(starts, ends, a.GetIntsOrNull("axes"));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        if (rank > Broadcast.MaxRank) throw context.Error($"rank {rank} exceeds {Broadcast.MaxRank}");
        Span<long> starts = stackalloc long[Broadcast.MaxRank];
        Span<long> ends = stackalloc long[Broadcast.MaxRank];
        Span<long> axes = stackalloc long[Broadcast.MaxRank];
        Span<long> steps = stackalloc long[Broadcast.MaxRank];
        int n;
        bool hasAxes;
        if (_starts != null)
        {
            n = _starts.Length;
            if (_ends!.Length != n || n > Broadcast.MaxRank) throw context.Error("'starts' and 'ends' must have the same length, at most the rank");
            _starts.CopyTo(starts);
            _ends.CopyTo(ends);
            hasAxes = _axes != null;
            if (_axes != null)
            {
                if (_axes.Length != n) throw context.Error("'axes' must have as many values as 'starts'");
                _axes.CopyTo(axes);
            }
            steps.Fill(1);
        }
        else
        {
            n = KernelHelpers.ReadInt64s(context.Input(1), starts);
            if (KernelHelpers.ReadInt64s(context.Input(2), ends) != n) throw context.Error("'starts' and 'ends' must have the same length");
            var axesInput = context.OptionalInput(3);
            hasAxes = axesInput != null;
            if (axesInput != null && KernelHelpers.ReadInt64s(axesInput, axes) != n) throw context.Error("'axes' must have as many values as 'starts'");
            var stepsInput = context.OptionalInput(4);
            if (stepsInput == null) steps.Fill(1);
            else if (KernelHelpers.ReadInt64s(stepsInput, steps) != n) throw context.Error("'steps' must have as many values as 'starts'");
        }

        // Per axis: first element, step and count; axes not listed are taken whole.
        Span<long> first = stackalloc long[rank];
        Span<long> step = stackalloc long[rank];
        Span<long> shape = stackalloc long[rank];
        Span<bool> seen = stackalloc bool[rank];
        seen.Clear();
        for (int d = 0; d < rank; d++)
        {
            first[d] = 0;
            step[d] = 1;
            shape[d] = x.Dim(d);
        }
        for (int i = 0; i < n; i++)
        {
            int d = hasAxes ? KernelHelpers.NormalizeAxis(axes[i], rank) : i;
            if (d >= rank) throw context.Error($"{n} slice ranges for an input of rank {rank}");
            if (seen[d]) throw context.Error($"axis {d} is sliced twice");
            seen[d] = true;
            long dim = x.Dim(d), s = steps[i];
            if (s == 0) throw context.Error("a step of 0 is not allowed");
            long start = starts[i], end = ends[i];
            if (start < 0) start += dim;
            if (end < 0) end += dim;
            long count;
            if (s > 0)
            {
                start = Math.Clamp(start, 0, dim);
                end = Math.Clamp(end, 0, dim);
                count = end > start ? (end - start + s - 1) / s : 0;
            }
            else
            {
                start = Math.Clamp(start, 0, dim - 1);
                end = Math.Clamp(end, -1, dim - 1);
                count = start > end ? (start - end + (-s) - 1) / (-s) : 0;
            }
            first[d] = start;
            step[d] = s;
            shape[d] = count;
        }
        y.Allocate(x.Type, shape);
        if (y.Length == 0) return;
        Span<long> inStrides = stackalloc long[rank];
        Broadcast.DenseStrides(x.Shape, inStrides);
        long offset = 0;
        for (int d = 0; d < rank; d++)
        {
            offset += first[d] * inStrides[d];
            inStrides[d] *= step[d];
        }
        var map = Scratch.Ensure(ref _map, y.Length);
        IndexMaps.Strided(shape, inStrides, offset, map);
        ElementCopy.Gather(x, map, y);
    }
}
