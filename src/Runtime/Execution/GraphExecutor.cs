using EdgeML.Runtime.Kernels;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Execution;

/// <summary>
/// Runs graphs node by node in the order the compiler emitted (a topological order). Owns one
/// tensor per model value and one kernel per node, all created up front.
/// </summary>
internal sealed class GraphExecutor
{
    private readonly Kernel[][] _kernels;
    private readonly KernelContext _context;

    public GraphExecutor(ModelDefinition model, Tensor[] values, Cpu.WorkerPool? workers = null)
    {
        Model = model;
        _context = new KernelContext(this, values);
        _kernels = new Kernel[model.Graphs.Length][];
        for (int g = 0; g < model.Graphs.Length; g++)
        {
            var nodes = model.Graphs[g].Nodes;
            var kernels = new Kernel[nodes.Length];
            for (int n = 0; n < nodes.Length; n++) kernels[n] = CreateKernel(nodes[n], model, workers);
            _kernels[g] = kernels;
        }
    }

    public ModelDefinition Model { get; }

    /// <summary>Called after each node when set: the compiler's shape probe and the profiler use it.</summary>
    public Action<NodeDefinition>? AfterNode { get; set; }

    public void RunGraph(int graphIndex)
    {
        var nodes = Model.Graphs[graphIndex].Nodes;
        var kernels = _kernels[graphIndex];
        for (int n = 0; n < nodes.Length; n++)
        {
            var node = nodes[n];
            _context.Bind(node);
            try
            {
                kernels[n].Execute(_context);
            }
            catch (EdgeMLException e) when (!e.Message.StartsWith("node '", StringComparison.Ordinal))
            {
                throw new EdgeMLException($"{node.Describe()}: {e.Message}", e);
            }
            catch (Exception e) when (e is not EdgeMLException)
            {
                throw new EdgeMLException($"{node.Describe()} failed: {e.GetType().Name}: {e.Message}", e);
            }
            AfterNode?.Invoke(node);
        }
    }

    private static Kernel CreateKernel(NodeDefinition node, ModelDefinition model, Cpu.WorkerPool? workers)
    {
        try
        {
            return KernelRegistry.Create(new KernelInfo(node, model) { Workers = workers });
        }
        catch (EdgeMLException) { throw; }
        catch (Exception e)
        {
            throw new EdgeMLException($"{node.Describe()}: cannot create kernel: {e.Message}", e);
        }
    }
}
