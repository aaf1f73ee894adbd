using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ConstantOfShape: a tensor of the given shape filled with the one-element 'value'
/// attribute (float32 zero by default); any non-string type, 4- and 2-bit packed types included.</summary>
public sealed class ConstantOfShape : Kernel
{
    private readonly DataType _type;
    private readonly byte[] _element;

    private ConstantOfShape(DataType type, byte[] element)
    {
        _type = type;
        _element = element;
    }

    public static Kernel Create(KernelInfo info)
    {
        var value = info.Attributes.GetTensor("value");
        if (value == null) return new ConstantOfShape(DataType.Float, new byte[4]);
        if (value.ElementCount != 1) throw info.Error($"'value' must hold one element, not {value.ElementCount}");
        if (value.Type == DataType.String) throw info.Error("'value' of type string is not supported");
        int bits = DataTypeInfo.BitsPerElement(value.Type);
        if (bits >= 8) return new ConstantOfShape(value.Type, value.Bytes.ToArray());
        // 4- and 2-bit types: a byte holding the value in every slot, so the fill is a byte pattern.
        int v = value.Bytes[0] & ((1 << bits) - 1), packed = 0;
        for (int shift = 0; shift < 8; shift += bits) packed |= v << shift;
        return new ConstantOfShape(value.Type, [(byte)packed]);
    }

    public override void Execute(KernelContext context)
    {
        var y = context.Output(0);
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        int rank = KernelHelpers.ReadInt64s(context.Input(0), shape);
        for (int d = 0; d < rank; d++) if (shape[d] < 0) throw context.Error($"shape {Tensor.ShapeText(shape[..rank])} has a negative dimension");
        y.Allocate(_type, shape[..rank]);
        ElementCopy.FillPattern(y.Bytes, _element);
    }
}
