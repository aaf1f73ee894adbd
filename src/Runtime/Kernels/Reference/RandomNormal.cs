using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>RandomNormal (opsets 1, 22): a tensor of the <c>shape</c> attribute, of type <c>dtype</c>
/// (float32 by default; float, double, float16, bfloat16), drawn from N(mean, scale²). Seeding and the
/// generator: <see cref="RandomEngine"/>.</summary>
public sealed class RandomNormal : Kernel
{
    private readonly RandomEngine _engine;
    private readonly DataType _type;
    private readonly long[] _shape;
    private readonly float _mean;
    private readonly float _scale;

    private RandomNormal(RandomEngine engine, DataType type, long[] shape, float mean, float scale)
    {
        _engine = engine;
        _type = type;
        _shape = shape;
        _mean = mean;
        _scale = scale;
    }

    public static Kernel Create(KernelInfo info)
    {
        var shape = info.Attributes.GetIntsOrNull("shape") ?? throw info.Error("needs the attribute 'shape'");
        foreach (var d in shape) if (d < 0) throw info.Error($"shape [{string.Join(",", shape)}] has a negative dimension");
        var type = RandomTypes.Output(info, DataType.Float);
        return new RandomNormal(RandomEngine.For(info), type, shape, info.Attributes.GetFloat("mean", 0f), info.Attributes.GetFloat("scale", 1f));
    }

    public override void Execute(KernelContext context)
    {
        var y = context.Output(0);
        y.Allocate(_type, _shape);
        _engine.FillNormal(y, _mean, _scale);
    }
}
