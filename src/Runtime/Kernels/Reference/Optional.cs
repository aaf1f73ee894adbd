namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Optional (opset 15): an optional holding a copy of the input (tensor or sequence), or
/// an empty optional when the input is omitted (its type comes from the <c>type</c> attribute).</summary>
public sealed class Optional : Kernel
{
    public static Kernel Create(KernelInfo info)
    {
        if (!info.HasInput(0) && !info.Attributes.Has("type")) throw info.Error("an Optional without input needs the attribute 'type'");
        return new Optional();
    }

    public override void Execute(KernelContext context)
    {
        var y = context.Output(0);
        if (context.HasInput(0)) y.CopyFrom(context.Input(0));
        else y.SetNone();
    }
}
