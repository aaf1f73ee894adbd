using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>OptionalHasElement (opsets 15, 18): true when the input holds an element (a tensor or
/// sequence); false for an empty optional and, from opset 18, for an omitted input.</summary>
public sealed class OptionalHasElement : Kernel
{
    public static Kernel Create(KernelInfo info)
    {
        if (info.Version < 18 && !info.HasInput(0)) throw info.Error("needs an input before opset 18");
        return new OptionalHasElement();
    }

    public override void Execute(KernelContext context)
        => SubgraphValues.SetBool(context.Output(0), context.OptionalInput(0) != null);
}
