using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>DepthToSpace: moves blocks of channels into blocksize x blocksize spatial blocks,
/// [N, C, H, W] -> [N, C/b², H*b, W*b]. Mode DCR (default) takes the block offset from the outer part
/// of the channel index, CRD (opset 11+) from the inner part.</summary>
public sealed class DepthToSpace : Kernel
{
    private readonly long _block;
    private readonly bool _crd;
    private int[] _map = [];

    private DepthToSpace(long block, bool crd)
    {
        _block = block;
        _crd = crd;
    }

    public static Kernel Create(KernelInfo info)
    {
        long b = info.Attributes.GetInt("blocksize", 0);
        if (b < 1) throw info.Error("attribute 'blocksize' must be positive");
        bool crd = info.Attributes.GetString("mode", "DCR") switch
        {
            "DCR" => false,
            "CRD" => true,
            var m => throw info.Error($"mode '{m}' is not supported"),
        };
        return new DepthToSpace(b, crd);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Rank != 4) throw context.Error($"input must be 4-D, not rank {x.Rank}");
        long b = _block, n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        if (c % (b * b) != 0) throw context.Error($"channels {c} are not a multiple of blocksize² {b * b}");
        long oc = c / (b * b);
        Span<long> shape = [n, oc, h * b, w * b];
        y.Allocate(x.Type, shape);
        var map = Scratch.Ensure(ref _map, y.Length);
        int j = 0;
        for (long i0 = 0; i0 < n; i0++)
            for (long i1 = 0; i1 < oc; i1++)
                for (long i2 = 0; i2 < h * b; i2++)
                    for (long i3 = 0; i3 < w * b; i3++)
                    {
                        long bh = i2 % b, bw = i3 % b;
                        long ic = _crd ? (i1 * b + bh) * b + bw : (bh * b + bw) * oc + i1;
                        map[j++] = (int)(((i0 * c + ic) * h + i2 / b) * w + i3 / b);
                    }
        ElementCopy.Gather(x, map, y);
    }
}
