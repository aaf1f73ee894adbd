using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>RandomUniform and RandomUniformLike (opsets 1, 22): values uniform in [low, high). The
/// output's shape and type: <see cref="RandomOutput"/>; seeding and the generator:
/// <see cref="RandomEngine"/>.</summary>
public sealed class RandomUniform : Kernel
{
    private readonly RandomEngine _engine;
    private readonly RandomOutput _output;
    private readonly float _low;
    private readonly float _high;

    private RandomUniform(KernelInfo info, bool like)
    {
        _output = RandomOutput.Read(info, like);
        _engine = RandomEngine.For(info);
        _low = info.Attributes.GetFloat("low", 0f);
        _high = info.Attributes.GetFloat("high", 1f);
    }

    public static Kernel Create(KernelInfo info) => new RandomUniform(info, like: false);

    public static Kernel CreateLike(KernelInfo info) => new RandomUniform(info, like: true);

    public override void Execute(KernelContext context) => _engine.FillUniform(_output.Allocate(context), _low, _high);
}
