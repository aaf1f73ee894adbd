using EdgeML.Compiler.IR;

namespace EdgeML.Compiler.Passes;

/// <summary>A graph transformation. A pass changes nothing when in doubt and reports whether it
/// changed the model.</summary>
public interface IPass
{
    string Name { get; }
    bool Run(IrModel model, PassContext context);
}
