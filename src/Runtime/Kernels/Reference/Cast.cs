using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Cast: converts every element to the type of the <c>to</c> attribute (all versions: opset
/// 1 names the type, "FLOAT", later ones give its number; <c>saturate</c> from 19 and
/// <c>round_mode</c> from 25 apply to the float8 targets). The rules are <see cref="TensorCaster"/>'s.</summary>
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
        var attribute = info.Attributes.Find("to") ?? throw info.Error("attribute 'to' is required");
        var to = attribute.Type == AttributeType.String ? TypeNamed(attribute.String) : (DataType)attribute.Int;
        if (!TensorCaster.IsSupported(to)) throw info.Error($"cannot cast to {DataTypeInfo.Name(to)}");
        return new Cast(to, TensorCaster.FromAttributes(info));
    }

    /// <summary>An ONNX TensorProto.DataType name ("FLOAT", "INT64", ...) as a type; Undefined when unknown.</summary>
    private static DataType TypeNamed(string name) => name switch
    {
        "FLOAT" => DataType.Float,
        "UINT8" => DataType.UInt8,
        "INT8" => DataType.Int8,
        "UINT16" => DataType.UInt16,
        "INT16" => DataType.Int16,
        "INT32" => DataType.Int32,
        "INT64" => DataType.Int64,
        "STRING" => DataType.String,
        "BOOL" => DataType.Bool,
        "FLOAT16" => DataType.Float16,
        "DOUBLE" => DataType.Double,
        "UINT32" => DataType.UInt32,
        "UINT64" => DataType.UInt64,
        "BFLOAT16" => DataType.BFloat16,
        _ => DataType.Undefined,
    };

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (!TensorCaster.IsSupported(x.Type)) throw context.Error($"cannot cast from {DataTypeInfo.Name(x.Type)}");
        _caster.Cast(x, context.Output(0), _to);
    }
}
