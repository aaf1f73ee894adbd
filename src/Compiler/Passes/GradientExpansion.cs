using EdgeML.Compiler.IR;
using EdgeML.Runtime;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Operators;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Expands ai.onnx.preview.training.Gradient into ordinary operators by reverse-mode
/// differentiation of the nodes between its <c>xs</c>/<c>zs</c> inputs and <c>y</c>: the seed is a
/// tensor of ones shaped like y (so a non-scalar y yields the gradient of its sum), each operator
/// contributes its local derivative, and operands that were broadcast are summed back to their
/// shape (ai.edgeml.SumToShape). An operator without a derivative rule is a clear error.
/// </summary>
public sealed class GradientExpansion : IPass
{
    public string Name => "gradient-expansion";

    public bool Run(IrModel model, PassContext context)
    {
        bool changed = false;
        foreach (var graph in model.Graph.SelfAndDescendants().ToList())
        {
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                if (graph.Nodes[i].Op != OpCode.TrainingGradient) continue;
                new Differentiator(graph, graph.Nodes[i]).Expand();
                changed = true;
                i = -1; // the node list was rebuilt
            }
        }
        return changed;
    }

    /// <summary>The expansion of one Gradient node.</summary>
    private sealed class Differentiator
    {
        private readonly IrGraph _graph;
        private readonly IrNode _gradient;
        private readonly List<IrNode> _emitted = new();
        private readonly Dictionary<IrValue, IrValue> _grads = new();
        private int _counter;

        public Differentiator(IrGraph graph, IrNode gradient)
        {
            _graph = graph;
            _gradient = gradient;
        }

        public void Expand()
        {
            var xs = _gradient.Attribute("xs")?.Payload.Strings ?? throw new EdgeMLException($"{_gradient.Describe()}: attribute 'xs' is required");
            string yName = _gradient.Attribute("y")?.Payload.String ?? throw new EdgeMLException($"{_gradient.Describe()}: attribute 'y' is required");
            var y = _graph.Nodes.SelectMany(n => n.Outputs).FirstOrDefault(v => v?.Name == yName)
                ?? _graph.Inputs.FirstOrDefault(v => v.Name == yName)
                ?? throw new EdgeMLException($"{_gradient.Describe()}: y '{yName}' is not a value of this graph");
            var independent = new HashSet<IrValue>(_gradient.Inputs.OfType<IrValue>());

            // The forward nodes y depends on, stopping at the independent variables.
            var needed = new HashSet<IrNode>();
            var stack = new Stack<IrValue>([y]);
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                if (independent.Contains(v) || v.Producer is not { } p || !_graph.Nodes.Contains(p) || !needed.Add(p)) continue;
                foreach (var input in p.Inputs) if (input != null) stack.Push(input);
            }
            var forward = _graph.Nodes.Where(needed.Contains).ToList();

            _grads[y] = Emit("Expand", Emit("CastLike", Scalar(1f), y), Emit("Shape", y));
            for (int k = forward.Count - 1; k >= 0; k--)
            {
                var node = forward[k];
                var output = node.Outputs[0];
                if (output == null || !_grads.TryGetValue(output, out var g)) continue;
                Backward(node, g);
            }

            for (int k = 0; k < xs.Length && k < _gradient.Outputs.Count; k++)
            {
                var target = _gradient.Outputs[k];
                var x = _gradient.Inputs[k];
                if (target == null || x == null) continue;
                var grad = _grads.TryGetValue(x, out var gx) ? gx : Emit("Expand", Emit("CastLike", Scalar(0f), x), Emit("Shape", x));
                Emit("Identity", [grad], target);
            }

            int at = _graph.Nodes.IndexOf(_gradient);
            _graph.Nodes.RemoveAt(at);
            int after = forward.Count == 0 ? 0 : forward.Max(n => _graph.Nodes.IndexOf(n)) + 1;
            _graph.Nodes.InsertRange(Math.Max(at, after), _emitted);
            TopologicalSort(_graph);
        }

        /// <summary>Adds this node's contribution to the gradients of its inputs.</summary>
        private void Backward(IrNode node, IrValue g)
        {
            var a = node.Inputs.Count > 0 ? node.Inputs[0] : null;
            var b = node.Inputs.Count > 1 ? node.Inputs[1] : null;
            var y = node.Outputs[0]!;
            switch (node.OpType)
            {
                case "Add":
                    Accumulate(a!, Reduce(g, a!));
                    Accumulate(b!, Reduce(g, b!));
                    break;
                case "Sub":
                    Accumulate(a!, Reduce(g, a!));
                    Accumulate(b!, Reduce(Emit("Neg", g), b!));
                    break;
                case "Mul":
                    Accumulate(a!, Reduce(Emit("Mul", g, b!), a!));
                    Accumulate(b!, Reduce(Emit("Mul", g, a!), b!));
                    break;
                case "Div":
                    Accumulate(a!, Reduce(Emit("Div", g, b!), a!));
                    Accumulate(b!, Reduce(Emit("Neg", Emit("Div", Emit("Mul", g, y), b!)), b!));
                    break;
                case "Neg":
                    Accumulate(a!, Emit("Neg", g));
                    break;
                case "Identity":
                    Accumulate(a!, g);
                    break;
                case "Relu":
                    Accumulate(a!, Emit("Mul", g, Emit("CastLike", Emit("Greater", a!, Emit("CastLike", Scalar(0f), a!)), g)));
                    break;
                case "Sigmoid":
                    Accumulate(a!, Emit("Mul", g, Emit("Mul", y, Emit("Sub", Emit("CastLike", Scalar(1f), y), y))));
                    break;
                case "Tanh":
                    Accumulate(a!, Emit("Mul", g, Emit("Sub", Emit("CastLike", Scalar(1f), y), Emit("Mul", y, y))));
                    break;
                case "Exp":
                    Accumulate(a!, Emit("Mul", g, y));
                    break;
                case "Log":
                    Accumulate(a!, Emit("Div", g, a!));
                    break;
                case "Sqrt":
                    Accumulate(a!, Emit("Div", g, Emit("Mul", Emit("CastLike", Scalar(2f), y), y)));
                    break;
                default:
                    throw new EdgeMLException($"{_gradient.Describe()}: cannot differentiate through {node.Describe()}");
            }
        }

        private void Accumulate(IrValue x, IrValue g)
        {
            if (x.IsConstant && !_gradient.Inputs.Contains(x)) return;
            _grads[x] = _grads.TryGetValue(x, out var existing) ? Emit("Add", existing, g) : g;
        }

        /// <summary>The gradient of an operand that may have been broadcast: summed back to its shape.</summary>
        private IrValue Reduce(IrValue g, IrValue operand)
        {
            var shape = Emit("Shape", operand);
            return EmitIn(OpCatalog.Find(OpCode.EdgeMLSumToShape)!, [g, shape], null);
        }

        private IrValue Scalar(float v) => new($"{_gradient.Name}/const{_counter++}")
        {
            Constant = ConstantTensor.From(DataType.Float, [], [v]),
            Type = DataType.Float,
            Shape = [],
        };

        private IrValue Emit(string op, params IrValue[] inputs) => Emit(op, inputs, null);

        private IrValue Emit(string op, IrValue[] inputs, IrValue? output)
            => EmitIn(OpCatalog.Find("", op) ?? throw new InvalidOperationException(op), inputs, output);

        private IrValue EmitIn(OpSchema schema, IrValue[] inputs, IrValue? output)
        {
            var node = new IrNode { Name = $"{_gradient.Name}/{schema.Name}{_counter++}", Schema = schema, Version = schema.SinceVersions.Max() };
            node.Inputs.AddRange(inputs);
            output ??= new IrValue($"{node.Name}:0");
            output.Producer = node;
            node.Outputs.Add(output);
            _emitted.Add(node);
            return output;
        }
    }

    /// <summary>Reorders a graph's nodes so each comes after the producers of what it reads (stable).</summary>
    internal static void TopologicalSort(IrGraph graph)
    {
        var inGraph = new HashSet<IrNode>(graph.Nodes);
        var done = new HashSet<IrNode>();
        var order = new List<IrNode>(graph.Nodes.Count);
        void Visit(IrNode n)
        {
            if (!done.Add(n)) return;
            foreach (var i in n.Inputs)
                if (i?.Producer is { } p && inGraph.Contains(p)) Visit(p);
            order.Add(n);
        }
        foreach (var n in graph.Nodes.ToList()) Visit(n);
        graph.Nodes.Clear();
        graph.Nodes.AddRange(order);
    }
}
