using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>RandomNormal and RandomNormalLike (opsets 1, 22): values drawn from N(mean, scale²). The
/// output's shape and type: <see cref="RandomOutput"/>; seeding and the generator:
/// <see cref="RandomEngine"/>.</summary>
public sealed class RandomNormal : Kernel
{
    private readonly RandomEngine _engine;
    private readonly RandomOutput _output;
    private readonly float _mean;
    private readonly float _scale;

    private RandomNormal(KernelInfo info, bool like)
    {
        _output = RandomOutput.Read(info, like);
        _engine = RandomEngine.For(info);
        _mean = info.Attributes.GetFloat("mean", 0f);
        _scale = info.Attributes.GetFloat("scale", 1f);
    }

    public static Kernel Create(KernelInfo info) => new RandomNormal(info, like: false);

    public static Kernel CreateLike(KernelInfo info) => new RandomNormal(info, like: true);

    public override void Execute(KernelContext context) => _engine.FillNormal(_output.Allocate(context), _mean, _scale);
}
