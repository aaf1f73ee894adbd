using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Cast: converts every element to the type of the <c>to</c> attribute (all versions;
/// <c>saturate</c> from 19 and <c>round_mode</c> from 25 apply to the float8 targets). The rules
/// are <see cref="TensorCaster"/>'s.</summary>
public sealed class Cast : Kernel
{
    private readonly DataType _to;
    private readonly TensorCaster _caster;

    private Cast(DataType to, TensorCaster caster)
    {
        _to = to;
        _caster = caster;
    }

    public static Kernel Create(KernelInfo info)
    {
        if (!info.Attributes.Has("to")) throw info.Error("attribute 'to' is required");
        var to = (DataType)info.Attributes.GetInt("to", 0);
        if (!TensorCaster.IsSupported(to)) throw info.Error($"cannot cast to {DataTypeInfo.Name(to)}");
        return new Cast(to, TensorCaster.FromAttributes(info));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (!TensorCaster.IsSupported(x.Type)) throw context.Error($"cannot cast from {DataTypeInfo.Name(x.Type)}");
        _caster.Cast(x, context.Output(0), _to);
    }
}
