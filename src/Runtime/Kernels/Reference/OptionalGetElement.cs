using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>OptionalGetElement (opsets 15, 18): a copy of the element an optional holds (a tensor or
/// sequence); a tensor or sequence input is returned as it is. An empty optional is an error.</summary>
public sealed class OptionalGetElement : Kernel
{
    public static Kernel Create(KernelInfo info) => new OptionalGetElement();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Kind == ValueKind.None) throw context.Error("the optional input is empty");
        context.Output(0).CopyFrom(x);
    }
}
