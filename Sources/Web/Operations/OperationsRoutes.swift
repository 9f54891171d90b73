import CoreMetrics
import Foundation
import Metrics
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// `/health` for load balancers and `/metrics` for Prometheus. Neither needs a login; neither shows
/// anything about people.
enum OperationsRoutes {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.health, use: health)
        routes.get(.metrics, use: metrics)
    }

    struct Health: Content { var status: String; var database: String }

    @Sendable static func health(req: Request) async throws -> Response {
        do {
            try await req.repositories.health.ping()
            return try await Health(status: "ok", database: "ok").encodeResponse(for: req)
        } catch {
            req.logger.error("health check failed: \(String(reflecting: error))")
            let res = try await Health(status: "unavailable", database: "unreachable").encodeResponse(for: req)
            res.status = .serviceUnavailable
            return res
        }
    }

    @Sendable static func metrics(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(string: MetricsSetup.registry.emitToString()))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return res
    }
}

/// The metrics system may be bootstrapped once per process, but tests build many applications.
public enum MetricsSetup {
    public static let registry = PrometheusCollectorRegistry()
    private static let done = NIOLockedValueBox(false)

    public static func bootstrapOnce() {
        done.withLockedValue { done in
            guard !done else { return }
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            done = true
        }
    }
}

enum WebMetrics {
    static let logins = Counter(label: "mgn_logins_total")
    static let loginFailures = Counter(label: "mgn_login_failures_total")
}
