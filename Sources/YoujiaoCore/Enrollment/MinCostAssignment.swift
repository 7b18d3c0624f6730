import Foundation

/// Rule 6: the least total cost of assigning as many children (rows) as the seats allow to
/// schools (columns) with capacities — a min-cost maximum flow on the bipartite graph.
///
/// Successive shortest paths, one child at a time, run on the schools rather than on every
/// child–school arc: moving an already seated child from school s to t costs
/// `cost(child, t) − cost(child, s)`, and the cheapest such move for each pair (s, t) is kept in a
/// heap. With Johnson potentials every search is a dense Dijkstra over the m schools that stops
/// at the first free seat, so a district costs at most O(children × m²) however many arcs the
/// bipartite graph has. When there are more
/// children than seats, an extra "left out" column with cost 0 takes the surplus, so the flow is
/// maximal and the cost least among maximal flows.
public struct MinCostAssignment: Sendable {
    /// Per row: the column it is assigned to, nil when left out for lack of seats.
    public let assignment: [Int?]
    public let totalCost: Int

    public init(costs: DistanceMatrix, capacities: [Int]) {
        precondition(capacities.count == costs.columns && capacities.allSatisfy { $0 >= 0 })
        precondition(costs.rows < MoveHeap.limit && costs.metres.allSatisfy { (0..<MoveHeap.limit).contains($0) },
                     "costs and rows must be below 2^31 (rounded metres on Earth are below 2^25)")
        let rows = costs.rows
        let leftOut = costs.columns
        // The "left out" node only when there are more children than seats: else it would never
        // take anyone and only lengthen every search.
        let surplus = max(0, rows - capacities.reduce(0, +))
        let nodes = costs.columns + (surplus > 0 ? 1 : 0)
        let capacity = capacities + [surplus]
        func cost(_ row: Int, _ node: Int) -> Int { node == leftOut ? 0 : costs[row, node] }

        var assigned = [Int](repeating: -1, count: rows)
        var load = [Int](repeating: 0, count: nodes)
        // moves[s * nodes + t]: children ever seated at s, keyed by the cost of moving them to t.
        var moves = [MoveHeap](repeating: MoveHeap(), count: nodes * nodes)
        // (row, node) seatings along an augmenting path; applied in a plain loop, since a nested
        // function capturing `assigned` and `moves` would box them and slow every access.
        var seatings: [(row: Int, node: Int)] = []

        // Node `sink` collects the flow: every node with a free seat has an arc to it of cost 0.
        // A search stops as soon as the sink is settled, so a child whose nearest free school is
        // cheapest settles two nodes instead of all of them.
        let sink = nodes
        var distance = [Int](repeating: 0, count: nodes + 1)
        var settled = [Bool](repeating: false, count: nodes + 1)
        var parent = [Int](repeating: -1, count: nodes + 1)
        var mover = [Int](repeating: -1, count: nodes)
        var potential = [Int](repeating: 0, count: nodes + 1)
        for row in 0..<rows {
            for node in 0..<nodes {
                distance[node] = cost(row, node) - potential[node]
                settled[node] = false
                parent[node] = -1
            }
            distance[sink] = .max
            settled[sink] = false
            while true {
                var current = -1
                for node in distance.indices where !settled[node] && (current < 0 || distance[node] < distance[current]) {
                    current = node
                }
                settled[current] = true
                if current == sink { break }
                if load[current] < capacity[current] {
                    let candidate = distance[current] + potential[current] - potential[sink]
                    if candidate < distance[sink] { distance[sink] = candidate; parent[sink] = current }
                }
                guard load[current] > 0 else { continue }
                for target in 0..<nodes where !settled[target] {
                    guard let move = moves[current * nodes + target].minimum(seatedAt: current, assigned: assigned) else { continue }
                    let candidate = distance[current] + move.key + potential[current] - potential[target]
                    if candidate < distance[target] {
                        distance[target] = candidate
                        parent[target] = current
                        mover[target] = move.row
                    }
                }
            }
            // Johnson potentials, capped at the sink's distance so unsettled nodes stay consistent.
            let reached = distance[sink]
            for node in potential.indices { potential[node] += min(distance[node], reached) }
            var node = parent[sink]
            load[node] += 1
            seatings.removeAll(keepingCapacity: true)
            while parent[node] >= 0 {
                seatings.append((mover[node], node))
                node = parent[node]
            }
            seatings.append((row, node))
            for (seated, school) in seatings {
                assigned[seated] = school
                let here = cost(seated, school)
                for target in 0..<nodes where target != school {
                    moves[school * nodes + target].push(key: cost(seated, target) - here, row: seated)
                }
            }
        }
        assignment = assigned.map { $0 == leftOut ? nil : $0 }
        totalCost = assigned.indices.reduce(0) { $0 + cost($1, assigned[$1]) }
    }
}

/// A binary min-heap of moves with lazy deletion: stale rows are dropped when they surface.
/// Each move is one Int, the cost in the high 32 bits and the row in the low 32, so that a single
/// comparison orders by cost, then row, and a push appends to one array.
private struct MoveHeap {
    /// Costs and rows below this fit: a move's cost difference then fits the high 32 bits.
    static let limit = 1 << 31

    private var moves: [Int] = []

    // push and minimum run for every target of every search: inlined, the what-if takes 10% less.
    @inline(__always) mutating func push(key: Int, row: Int) {
        moves.append(key << 32 | row)
        var child = moves.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard moves[child] < moves[parent] else { break }
            moves.swapAt(child, parent)
            child = parent
        }
    }

    /// The smallest entry whose row is still seated at `node`, discarding the moved rows above it.
    @inline(__always) mutating func minimum(seatedAt node: Int, assigned: [Int]) -> (key: Int, row: Int)? {
        while let move = moves.first {
            let row = move & 0xFFFF_FFFF
            if assigned[row] == node { return (move >> 32, row) }
            popFirst()
        }
        return nil
    }

    private mutating func popFirst() {
        moves.swapAt(0, moves.count - 1)
        moves.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < moves.count, moves[left] < moves[smallest] { smallest = left }
            if right < moves.count, moves[right] < moves[smallest] { smallest = right }
            guard smallest != parent else { return }
            moves.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
