# MGN — the front door. `make run` starts MGN with the demo region; `make test` runs every test.
.PHONY: run build test test-swift bench db-up db-down clean

PGDIR ?= $(CURDIR)/.build-pg

run: ## MGN on ./data/mgn.sqlite with the fictional demo region, on http://127.0.0.1:8080
	swift run mgn serve --demo --hostname 127.0.0.1 --port 8080

build:
	swift build

test: ## Everything: Swift suite on SQLite and PostgreSQL, browser tests; throwaway PostgreSQL cluster
	scripts/test.sh

test-swift: ## Only the Swift suite on SQLite (fast feedback)
	swift test

bench: ## Benchmarks (release build): sociale-kaart search over 10,000 services on SQLite and a throwaway PostgreSQL
	scripts/bench.sh

db-up: ## A local PostgreSQL 15 cluster for development; prints its URL
	@scripts/pg-cluster.sh start $(PGDIR)

db-down:
	@scripts/pg-cluster.sh stop $(PGDIR) && rm -rf $(PGDIR)

clean:
	rm -rf .build .build-pg .venv data
