using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>RandomUniformLike (opsets 1, 22): like RandomUniform, with the input's shape and, unless
/// <c>dtype</c> is given, its element type. Seeding and the generator: <see cref="RandomEngine"/>.</summary>
public sealed class RandomUniformLike : Kernel
{
    private readonly RandomEngine _engine;
    private readonly DataType _type;
    private readonly float _low;
    private readonly float _high;

    private RandomUniformLike(RandomEngine engine, DataType type, float low, float high)
    {
        _engine = engine;
        _type = type;
        _low = low;
        _high = high;
    }

    public static Kernel Create(KernelInfo info)
        => new RandomUniformLike(RandomEngine.For(info), RandomTypes.Output(info, DataType.Undefined), info.Attributes.GetFloat("low", 0f), info.Attributes.GetFloat("high", 1f));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(RandomTypes.Resolve(context, _type, x.Type), x.Shape);
        _engine.FillUniform(y, _low, _high);
    }
}
