import Domain
import Foundation
import Logging
import Metrics
import Vapor

/// Delivers what the outbox holds, once: claims due messages with a lease, sends each through the
/// transport, and marks it sent or failed (with backoff). A crash between claim and mark leaves the
/// message `sending`; when its lease runs out a later run takes it again, so nothing is lost, and the
/// stable Message-ID lets a receiver drop the copy in the one case SMTP cannot rule out (the server
/// accepted, we died before recording it).
public struct OutboxDelivery: Sendable {
    public var outbox: any Outbox
    public var transport: any MailTransport
    public var composer: MessageComposer
    public var policy: RetryPolicy
    /// Longer than the transport's own timeout, so a slow send never loses its claim.
    public var lease: TimeInterval
    public var batch: Int

    public init(outbox: any Outbox, transport: any MailTransport, composer: MessageComposer, policy: RetryPolicy = RetryPolicy(),
                lease: TimeInterval = 120, batch: Int = 20) {
        self.outbox = outbox; self.transport = transport; self.composer = composer; self.policy = policy; self.lease = lease; self.batch = batch
    }

    /// One run; returns how many were sent and how many failed this time.
    @discardableResult
    public func runOnce(now: @Sendable () -> Date, logger: Logger) async throws -> (sent: Int, failed: Int) {
        let start = now()
        let claimed = try await outbox.claim(now: start, leaseUntil: start.addingTimeInterval(lease), limit: batch)
        var sent = 0, failed = 0
        for message in claimed {
            do {
                try await transport.send(composer.mail(for: message))
                try await outbox.markSent(message.id, at: now())
                sent += 1
                Counter(label: "mgn_outbox_sent_total", dimensions: [("kind", message.kind.rawValue)]).increment()
            } catch {
                let reason = (error as? MailDeliveryError) ?? .transient(String(describing: error))
                try await outbox.markFailed(message.id, error: reason, at: now(), policy: policy)
                failed += 1
                Counter(label: "mgn_outbox_failures_total", dimensions: [("kind", message.kind.rawValue)]).increment()
                logger.warning("outbox: delivery failed", metadata: ["message": .string(message.id.uuidString), "kind": .string(message.kind.rawValue),
                                                                      "attempt": .stringConvertible(message.attempts), "reason": .string(OutboxMessage.redacted(reason.reason))])
            }
        }
        return (sent, failed)
    }
}

/// The background work of a running server, every `interval`: make the follow-ups and reminders that
/// came due, open the staff pulse round of the period, deliver the outbox (when mail is set up), and
/// compact the monitor's summary where windows have closed.
/// Every step is safe with several app instances on one database.
final class BackgroundWork: LifecycleHandler, @unchecked Sendable {
    let interval: Duration
    let delivery: OutboxDelivery?
    let pulse: PulseCalendar
    private var task: Task<Void, Never>?

    init(interval: Duration, delivery: OutboxDelivery?, pulse: PulseCalendar) {
        self.interval = interval; self.delivery = delivery; self.pulse = pulse
    }

    func didBootAsync(_ app: Application) async throws {
        let logger = Logger(label: "mgn.background")
        let repositories = app.repositories
        let clock = app.web.configuration.clock
        let (interval, delivery, pulse) = (self.interval, self.delivery, self.pulse)
        if delivery == nil { logger.notice("outbox: no mail configured (MGN_SMTP_URL); messages stay in the outbox page") }
        task = Task {
            while !Task.isCancelled {
                await Self.tick(repositories, delivery, pulse, clock, logger)
                try? await Task.sleep(for: interval)
            }
        }
    }

    static func tick(_ repositories: Repositories, _ delivery: OutboxDelivery?, _ pulse: PulseCalendar, _ clock: Domain.Clock, _ logger: Logger) async {
        do {
            let now = clock.now()
            let made = try await repositories.feedback.runSchedule(now: now, schedule: FeedbackSchedule())
            if made.followUps + made.reminders > 0 { logger.info("feedback: \(made.followUps) follow-ups, \(made.reminders) reminders") }
            let round = pulse.round(containing: now)
            if round.isOpen(at: now), try await repositories.pulse.ensureRound(round, now: now, invite: true) { logger.info("pulse: round \(round.label) opened") }
            if let delivery { try await delivery.runOnce(now: { clock.now() }, logger: logger) }
            let settled = try await repositories.dashboard.settle(now: now)
            if settled > 0 { logger.info("monitor: \(settled) clients with a closed window stored as decided") }
        } catch {
            logger.error("background work failed: \(String(reflecting: error))")
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        _ = await task?.value
    }
}
