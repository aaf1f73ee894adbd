using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>SequenceEmpty (opset 11): an empty sequence of element type <c>dtype</c> (float32 by default).</summary>
public sealed class SequenceEmpty : Kernel
{
    private readonly DataType _type;

    private SequenceEmpty(DataType type) => _type = type;

    public static Kernel Create(KernelInfo info)
    {
        var type = (DataType)info.Attributes.GetInt("dtype", (long)DataType.Float);
        if (!DataTypeInfo.IsValid(type)) throw info.Error($"dtype {(long)type} is not an ONNX element type");
        return new SequenceEmpty(type);
    }

    public override void Execute(KernelContext context) => context.Output(0).SetSequence(_type);
}
