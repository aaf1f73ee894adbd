using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>SequenceInsert (opset 11): a copy of the sequence with a copy of <c>tensor</c> inserted
/// at <c>position</c> (negative counts from the back; accepted range [-n, n]; default: at the end).</summary>
public sealed class SequenceInsert : Kernel
{
    public static Kernel Create(KernelInfo info) => new SequenceInsert();

    public override void Execute(KernelContext context)
    {
        var sequence = SequenceInputs.Sequence(context, 0);
        var tensor = context.Input(1);
        if (tensor.Kind != ValueKind.Tensor) throw context.Error($"input 'tensor' must be a tensor, not a {tensor.Kind.ToString().ToLowerInvariant()}");
        var type = sequence.Type == DataType.Undefined ? tensor.Type : sequence.Type;
        if (tensor.Type != type) throw context.Error($"cannot insert a {DataTypeInfo.Name(tensor.Type)} tensor into a sequence of {DataTypeInfo.Name(type)}");
        int count = sequence.Items.Count;
        var positionInput = context.OptionalInput(2);
        int position = positionInput == null ? count : SequenceInputs.Read(context, positionInput, count, inclusiveEnd: true);
        var y = context.Output(0);
        y.SetSequence(type);
        for (int i = 0; i <= count; i++)
        {
            if (i == position) y.AddItem().CopyFrom(tensor);
            if (i < count) y.AddItem().CopyFrom(sequence.Items[i]);
        }
    }
}
