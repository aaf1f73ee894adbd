using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>RandomUniform (opsets 1, 22): a tensor of the <c>shape</c> attribute, of type <c>dtype</c>
/// (float32 by default; float, double, float16, bfloat16), uniform in [low, high). Seeding and the
/// generator: <see cref="RandomEngine"/>.</summary>
public sealed class RandomUniform : Kernel
{
    private readonly RandomEngine _engine;
    private readonly DataType _type;
    private readonly long[] _shape;
    private readonly float _low;
    private readonly float _high;

    private RandomUniform(RandomEngine engine, DataType type, long[] shape, float low, float high)
    {
        _engine = engine;
        _type = type;
        _shape = shape;
        _low = low;
        _high = high;
    }

    public static Kernel Create(KernelInfo info)
    {
        var shape = info.Attributes.GetIntsOrNull("shape") ?? throw info.Error("needs the attribute 'shape'");
        foreach (var d in shape) if (d < 0) throw info.Error($"shape [{string.Join(",", shape)}] has a negative dimension");
        var type = RandomTypes.Output(info, DataType.Float);
        return new RandomUniform(RandomEngine.For(info), type, shape, info.Attributes.GetFloat("low", 0f), info.Attributes.GetFloat("high", 1f));
    }

    public override void Execute(KernelContext context)
    {
        var y = context.Output(0);
        y.Allocate(_type, _shape);
        _engine.FillUniform(y, _low, _high);
    }
}
