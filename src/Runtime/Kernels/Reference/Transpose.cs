using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Transpose: output dimension i is input dimension perm[i] (default: reversed).</summary>
public sealed class Transpose : Kernel
{
    private readonly long[]? _perm;
    private int[] _map = [];

    private Transpose(long[]? perm) => _perm = perm;

    public static Kernel Create(KernelInfo info) => new Transpose(info.Attributes.GetIntsOrNull("perm"));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        if (rank > Broadcast.MaxRank) throw context.Error($"rank {rank} exceeds {Broadcast.MaxRank}");
        if (_perm != null && _perm.Length != rank) throw context.Error($"perm has {_perm.Length} entries for an input of rank {rank}");
        Span<long> inStrides = stackalloc long[rank];
        Broadcast.DenseStrides(x.Shape, inStrides);
        Span<long> shape = stackalloc long[rank];
        Span<long> strides = stackalloc long[rank];
        Span<bool> used = stackalloc bool[rank];
        used.Clear();
        for (int i = 0; i < rank; i++)
        {
            long p = _perm != null ? _perm[i] : rank - 1 - i;
            if (p < 0) p += rank;
            if (p < 0 || p >= rank || used[(int)p]) throw context.Error("perm is not a permutation of the input's axes");
            used[(int)p] = true;
            shape[i] = x.Dim((int)p);
            strides[i] = inStrides[(int)p];
        }
        y.Allocate(x.Type, shape);
        var map = Scratch.Ensure(ref _map, y.Length);
        IndexMaps.Strided(shape, strides, 0, map);
        ElementCopy.Gather(x, map, y);
    }
}
