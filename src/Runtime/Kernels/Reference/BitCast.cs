using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>BitCast (opset 26): reinterprets each element's bits as the type of the <c>to</c>
/// attribute, which must have the same width; the shape is unchanged.</summary>
public sealed class BitCast : Kernel
{
    private readonly DataType _to;

    private BitCast(DataType to) => _to = to;

    public static Kernel Create(KernelInfo info)
    {
        if (!info.Attributes.Has("to")) throw info.Error("attribute 'to' is required");
        var to = (DataType)info.Attributes.GetInt("to", 0);
        if (!DataTypeInfo.IsValid(to) || to == DataType.String) throw info.Error($"cannot bit-cast to {DataTypeInfo.Name(to)}");
        return new BitCast(to);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Type == DataType.String) throw context.Error("strings cannot be bit-cast");
        if (DataTypeInfo.BitsPerElement(x.Type) != DataTypeInfo.BitsPerElement(_to))
            throw context.Error($"{DataTypeInfo.Name(x.Type)} and {DataTypeInfo.Name(_to)} differ in width");
        y.Allocate(_to, x.Shape);
        x.Bytes.CopyTo(y.Bytes);
    }
}
