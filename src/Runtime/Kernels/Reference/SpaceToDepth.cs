using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>SpaceToDepth: the inverse of DepthToSpace in DCR mode, [N, C, H, W] -> [N, C*b², H/b, W/b];
/// output channel (bh*b + bw)*C + c holds input pixel (h*b + bh, w*b + bw) of channel c.</summary>
public sealed class SpaceToDepth : Kernel
{
    private readonly long _block;
    private int[] _map = [];

    private SpaceToDepth(long block) => _block = block;

    public static Kernel Create(KernelInfo info)
    {
        long b = info.Attributes.GetInt("blocksize", 0);
        if (b < 1) throw info.Error("attribute 'blocksize' must be positive");
        return new SpaceToDepth(b);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Rank != 4) throw context.Error($"input must be 4-D, not rank {x.Rank}");
        long b = _block, n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        if (h % b != 0 || w % b != 0) throw context.Error($"spatial size {h}x{w} is not a multiple of blocksize {b}");
        long oh = h / b, ow = w / b;
        Span<long> shape = [n, c * b * b, oh, ow];
        y.Allocate(x.Type, shape);
        var map = Scratch.Ensure(ref _map, y.Length);
        int j = 0;
        for (long i0 = 0; i0 < n; i0++)
            for (long i1 = 0; i1 < c * b * b; i1++)
                for (long i2 = 0; i2 < oh; i2++)
                    for (long i3 = 0; i3 < ow; i3++)
                    {
                        long block = i1 / c, ic = i1 % c;
                        long bh = block / b, bw = block % b;
                        map[j++] = (int)(((i0 * c + ic) * h + i2 * b + bh) * w + i3 * b + bw);
                    }
        ElementCopy.Gather(x, map, y);
    }
}
