using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>SequenceLength (opset 11): the number of tensors in a sequence, as an int64 scalar.</summary>
public sealed class SequenceLength : Kernel
{
    public static Kernel Create(KernelInfo info) => new SequenceLength();

    public override void Execute(KernelContext context)
    {
        var sequence = SequenceInputs.Sequence(context, 0);
        SubgraphValues.SetInt64(context.Output(0), sequence.Items.Count);
    }
}
