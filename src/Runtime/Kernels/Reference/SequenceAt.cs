using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>SequenceAt (opset 11): a copy of the tensor at <c>position</c> (negative counts from
/// the back; accepted range [-n, n-1]).</summary>
public sealed class SequenceAt : Kernel
{
    public static Kernel Create(KernelInfo info) => new SequenceAt();

    public override void Execute(KernelContext context)
    {
        var sequence = SequenceInputs.Sequence(context, 0);
        int position = SequenceInputs.Read(context, context.Input(1), sequence.Items.Count, inclusiveEnd: false);
        context.Output(0).CopyFrom(sequence.Items[position]);
    }
}
