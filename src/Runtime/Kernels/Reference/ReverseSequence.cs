using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReverseSequence: for each batch entry b, reverses the first sequence_lens[b] elements
/// along the time axis and copies the rest. time_axis and batch_axis are 0 and 1 (either way round).</summary>
public sealed class ReverseSequence : Kernel
{
    private readonly long _timeAxis, _batchAxis;
    private int[] _map = [];

    private ReverseSequence(long timeAxis, long batchAxis)
    {
        _timeAxis = timeAxis;
        _batchAxis = batchAxis;
    }

    public static Kernel Create(KernelInfo info)
    {
        long t = info.Attributes.GetInt("time_axis", 0), b = info.Attributes.GetInt("batch_axis", 1);
        if (!((t == 0 && b == 1) || (t == 1 && b == 0))) throw info.Error($"time_axis {t} and batch_axis {b} must be 0 and 1");
        return new ReverseSequence(t, b);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var lens = context.Input(1);
        var y = context.Output(0);
        if (x.Rank < 2 || x.Rank > Broadcast.MaxRank) throw context.Error($"input must have rank 2 or more, not {x.Rank}");
        int ta = (int)_timeAxis, ba = (int)_batchAxis;
        long maxTime = x.Dim(ta), batch = x.Dim(ba);
        if (lens.Length != batch) throw context.Error($"sequence_lens has {lens.Length} values for a batch of {batch}");
        y.Allocate(x.Type, x.Shape);
        Span<long> strides = stackalloc long[x.Rank];
        Broadcast.DenseStrides(x.Shape, strides);
        Span<long> index = stackalloc long[x.Rank];
        index.Clear();
        var map = Scratch.Ensure(ref _map, y.Length);
        for (int j = 0; j < map.Length; j++)
        {
            long t = index[ta], len = Indexing.Read(lens, index[ba]);
            if (len < 0 || len > maxTime) throw context.Error($"sequence length {len} is outside [0, {maxTime}]");
            long source = t < len ? len - 1 - t : t;
            map[j] = (int)(j + (source - t) * strides[ta]);
            IndexMaps.Next(index, x.Shape);
        }
        ElementCopy.Gather(x, map, y);
    }
}
