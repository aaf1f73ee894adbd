using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>CastLike: Cast to the element type of the second input (whose values are not read).</summary>
public sealed class CastLike : Kernel
{
    private readonly TensorCaster _caster;

    private CastLike(TensorCaster caster) => _caster = caster;

    public static Kernel Create(KernelInfo info) => new CastLike(TensorCaster.FromAttributes(info));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var to = context.Input(1).Type;
        if (!TensorCaster.IsSupported(x.Type)) throw context.Error($"cannot cast from {DataTypeInfo.Name(x.Type)}");
        if (!TensorCaster.IsSupported(to)) throw context.Error($"cannot cast to {DataTypeInfo.Name(to)}");
        _caster.Cast(x, context.Output(0), to);
    }
}
