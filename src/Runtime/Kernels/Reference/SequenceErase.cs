using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>SequenceErase (opset 11): a copy of the sequence without the tensor at <c>position</c>
/// (negative counts from the back; accepted range [-n, n-1]; default: the last).</summary>
public sealed class SequenceErase : Kernel
{
    public static Kernel Create(KernelInfo info) => new SequenceErase();

    public override void Execute(KernelContext context)
    {
        var sequence = SequenceInputs.Sequence(context, 0);
        int count = sequence.Items.Count;
        var positionInput = context.OptionalInput(1);
        if (positionInput == null && count == 0) throw context.Error("cannot erase from an empty sequence");
        int position = positionInput == null ? count - 1 : SequenceInputs.Read(context, positionInput, count, inclusiveEnd: false);
        var y = context.Output(0);
        y.SetSequence(sequence.Type);
        for (int i = 0; i < count; i++)
            if (i != position) y.AddItem().CopyFrom(sequence.Items[i]);
    }
}
