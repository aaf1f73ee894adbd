using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>RandomNormalLike (opsets 1, 22): like RandomNormal, with the input's shape and, unless
/// <c>dtype</c> is given, its element type. Seeding and the generator: <see cref="RandomEngine"/>.</summary>
public sealed class RandomNormalLike : Kernel
{
    private readonly RandomEngine _engine;
    private readonly DataType _type;
    private readonly float _mean;
    private readonly float _scale;

    private RandomNormalLike(RandomEngine engine, DataType type, float mean, float scale)
    {
        _engine = engine;
        _type = type;
        _mean = mean;
        _scale = scale;
    }

    public static Kernel Create(KernelInfo info)
        => new RandomNormalLike(RandomEngine.For(info), RandomTypes.Output(info, DataType.Undefined), info.Attributes.GetFloat("mean", 0f), info.Attributes.GetFloat("scale", 1f));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(RandomTypes.Resolve(context, _type, x.Type), x.Shape);
        _engine.FillNormal(y, _mean, _scale);
    }
}
