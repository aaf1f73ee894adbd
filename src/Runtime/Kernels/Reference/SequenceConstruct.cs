using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>SequenceConstruct (opset 11): a sequence of copies of the inputs, which must all be
/// tensors of one element type.</summary>
public sealed class SequenceConstruct : Kernel
{
    public static Kernel Create(KernelInfo info)
    {
        if (info.InputCount == 0) throw info.Error("needs at least one input");
        return new SequenceConstruct();
    }

    public override void Execute(KernelContext context)
    {
        var first = context.Input(0);
        var y = context.Output(0);
        y.SetSequence(first.Type);
        for (int i = 0; i < context.InputCount; i++)
        {
            var x = context.Input(i);
            if (x.Kind != ValueKind.Tensor) throw context.Error($"input {i} must be a tensor, not a {x.Kind.ToString().ToLowerInvariant()}");
            if (x.Type != first.Type) throw context.Error($"input {i} is {DataTypeInfo.Name(x.Type)} but input 0 is {DataTypeInfo.Name(first.Type)}");
            y.AddItem().CopyFrom(x);
        }
    }
}
