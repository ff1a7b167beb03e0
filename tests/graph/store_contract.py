"""The behaviour every store must have; test_store.py and test_remote.py run it on each backend.

A subclass provides a ``store`` fixture giving an empty store.
"""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from conflict_kg.extract import Action, ConflictKGError, Event, Mention, Place, Time
from conflict_kg.graph import (
    EVENT_COLUMNS,
    EXPORT_FORMATS,
    ExportError,
    Store,
    actor_iri,
    build_graph,
    document_iri,
    events_frame,
    events_from_graph,
    export_store,
    place_iri,
    presence_iri,
)
from conflict_kg.graph._incidents import INCIDENTS_GRAPH
from conflict_kg.graph._rdf import ENTITIES_GRAPH
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic


def quads(store: Store) -> set[bytes]:
    """The store's statements as a set of N-Quads lines (no blank nodes, so exact)."""
    return {line for line in store._dump_bytes("nquads").splitlines() if line.strip()}


class StoreContract:
    """Contract tests; hand-made events only (no spaCy)."""

    def test_ingest_twice_adds_nothing(self, store: Store, fallujah_events: list[Event]) -> None:
        first = store.add_events(fallujah_events)
        stats, before = store.stats(), quads(store)
        store.add_events(fallujah_events)
        assert store.stats() == stats
        assert quads(store) == before
        linked = {q for q in before if f"<{INCIDENTS_GRAPH}> .".encode() in q}
        assert linked  # the fight events are linked into incidents, kept in their own graph
        assert stats.triples == len(before) == first.triples + len(linked)

    def test_stats_counts(self, store: Store, fallujah_events: list[Event]) -> None:
        store.add_events(fallujah_events)
        stats = store.stats()
        assert (stats.documents, stats.events, stats.places) == (2, 5, 2)
        # ISIS in d00 ("ISIS terrorists" named ISIS) and in d01 is one actor
        labels = {m.label.casefold() for e in fallujah_events for m in (e.actor, e.target, e.source) if m}
        assert stats.actors == len(labels)
        assert store.documents() == ["d00", "d01"]

    def test_same_entity_merges_across_documents(self, store: Store, fallujah_events: list[Event]) -> None:
        store.add_events(fallujah_events)
        isis = actor_iri(Mention("ISIS"))
        result = store.query(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?e ckg:actor <{isis}> }} }}")
        assert int(next(iter(result))[0]) == 2  # type: ignore[index]
        rows = store.query(f"SELECT DISTINCT ?e WHERE {{ ?e ckg:actor <{isis}> }}")
        assert len(rows) == 2

    def test_remove_then_ingest_restores_the_graph(self, store: Store, fallujah_events: list[Event]) -> None:
        store.add_events(fallujah_events)
        before_graph, before_quads, stats = store.graph(), quads(store), store.stats()
        assert store.remove_document("d00") is True
        assert not store.has_document("d00") and store.has_document("d01")
        after = store.stats()
        assert (after.documents, after.events) == (1, 1)
        # ISIS still acts in d01
        isis = actor_iri(Mention("ISIS"))
        assert store.query(f"ASK {{ <{isis}> rdfs:label ?l }}").askAnswer
        store.add_events([e for e in fallujah_events if e.doc == "d00"])
        assert store.stats() == stats
        assert quads(store) == before_quads
        assert isomorphic(before_graph, store.graph())

    def test_remove_drops_entities_no_document_names(self, store: Store, fallujah_events: list[Event]) -> None:
        store.add_events(fallujah_events)
        baghdad, fallujah = place_iri(Place("Baghdad")), place_iri(fallujah_events[0].place)
        isis, troops = actor_iri(Mention("ISIS")), actor_iri(fallujah_events[0].actor)
        store.remove_document("d01")

        def described(node: object) -> bool:
            return bool(store.query(f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{node}> ?p ?o }} }}").askAnswer)

        assert not described(baghdad)  # only d01 named Baghdad
        assert described(isis)  # d00 names ISIS too
        store.remove_document("d00")
        assert not any(described(x) for x in (isis, troops, fallujah))
        assert store.stats().triples == 0

    def test_generic_targets_are_per_document(self, store: Store) -> None:
        events = [
            Event(
                doc,
                0,
                Action("shelled", "shell"),
                actor=Mention("Houthis", country="YEM"),
                target=Mention("the hospital", "hospital"),
            )
            for doc in ("a", "b")
        ]
        store.add_events(events)
        targets = store.query("SELECT DISTINCT ?t WHERE { ?e ckg:target ?t }")
        actors = store.query("SELECT DISTINCT ?a WHERE { ?e ckg:actor ?a }")
        assert (len(targets), len(actors)) == (2, 1)

    def test_presence_links_one_actors_events_in_one_place(self, store: Store) -> None:
        """Events of a named actor in a named place share one ckg:Presence, kept while a document uses it."""
        mosul = Place("Mosul", geonames_id=99072)
        events = [
            Event(doc, i, Action("shelled", "shell"), actor=Mention("ISIS"), place=mosul)
            for doc in ("a", "b")
            for i in range(2)
        ]
        events.append(Event("b", 5, Action("shelled", "shell"), actor=Mention("the gunmen"), place=mosul))
        store.add_events(events)
        presence = presence_iri(actor_iri(Mention("ISIS")), place_iri(mosul))
        query = f"""SELECT ?e WHERE {{ ?p ckg:presenceActor <{actor_iri(Mention("ISIS"))}> ;
                                        ckg:presencePlace <{place_iri(mosul)}> . ?e ckg:presence ?p }}"""
        assert len(store.query(query)) == 4
        assert len(store.query("SELECT DISTINCT ?p WHERE { ?p a ckg:Presence }")) == 2  # the gunmen: b's own

        def shared() -> bool:
            return bool(store.query(f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{presence}> a ckg:Presence }} }}").askAnswer)

        store.remove_document("a")
        assert shared() and len(store.query(query)) == 2
        store.remove_document("b")
        assert not shared() and store.stats().triples == 0

    def test_remove_unknown_document(self, store: Store, fallujah_events: list[Event]) -> None:
        store.add_events(fallujah_events)
        assert store.remove_document("no-such-doc") is False
        assert store.stats().documents == 2

    def test_reingest_replaces_a_changed_document(self, store: Store, fallujah_events: list[Event]) -> None:
        store.add_events(fallujah_events)
        changed = [Event("d01", 0, Action("shelled", "shell"), actor=Mention("ISIS"), target=Mention("Baghdad"))]
        store.add_events(changed)
        assert store.stats().events == 5
        lemmas = {
            str(r[0])
            for r in store.query(  # type: ignore[index]
                f"SELECT ?l WHERE {{ GRAPH <{document_iri('d01')}> {{ ?e ckg:actionLemma ?l }} }}"
            )
        }
        assert lemmas == {"shell"}

    def test_add_extractions_keeps_documents_without_events(self, store: Store) -> None:
        from conflict_kg.extract import Document

        report = store.add_extractions([(Document("empty", "Nothing happened.", "2020-01-02"), [])])
        assert report.documents == 1
        assert store.documents() == ["empty"]
        assert store.stats().events == 0

    def test_query_forms_and_prefixes(self, store: Store, fallujah_events: list[Event]) -> None:
        store.add_events(fallujah_events)
        rows = store.query("SELECT ?who WHERE { ?a ckga:recapture ?t . ?a rdfs:label ?who }")
        assert [str(r[0]) for r in rows] == ["government troops"]  # type: ignore[index]
        assert store.query("ASK { ?e sem:hasPlace ?p }").askAnswer is True
        built = store.query("CONSTRUCT { ?a ckga:recapture ?t } WHERE { ?a ckga:recapture ?t }")
        assert built.graph is not None and len(built.graph) == 1

    def test_bad_query_is_a_clear_error(self, store: Store) -> None:
        with pytest.raises(ConflictKGError, match=r"(?i)syntax|SP030|parse|expected"):
            store.query("SELEC ?x WHERE { ?x ?p ?o }")

    def test_batches_give_the_same_graph(self, store: Store, fallujah_events: list[Event]) -> None:
        store.add_events(fallujah_events, batch_triples=7)
        small = quads(store)
        for doc in store.documents():
            store.remove_document(doc)
        assert store.stats().triples == 0
        store.add_events(fallujah_events)
        assert quads(store) == small

    @pytest.mark.parametrize("fmt", [f.name for f in EXPORT_FORMATS if f.kind == "rdf"])
    def test_rdf_exports_parse_back(self, store: Store, fallujah_events: list[Event], tmp_path, fmt) -> None:
        store.add_events(fallujah_events)
        path = export_store(store, fmt, tmp_path / f"out.{fmt}")
        merged = store.graph()
        if fmt in ("turtle", "nt"):
            back = Graph().parse(path, format={"turtle": "turtle", "nt": "nt"}[fmt])
            assert isomorphic(back, merged)
        else:
            dataset = Dataset()
            dataset.parse(path, format={"trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt])
            names = {str(g.identifier) for g in dataset.graphs() if len(g)}
            expected = {str(document_iri("d00")), str(document_iri("d01")), str(ENTITIES_GRAPH), str(INCIDENTS_GRAPH)}
            assert names == expected
            assert sum(len(g) for g in dataset.graphs()) == store.stats().triples

    def test_graphml_export(self, store: Store, fallujah_events: list[Event], tmp_path) -> None:
        store.add_events(fallujah_events)
        graph = nx.read_graphml(export_store(store, "graphml", tmp_path / "out.graphml"))
        labels = {d.get("label") for _, d in graph.nodes(data=True)}
        assert {"government troops", "ISIS", "Fallujah"} <= labels
        assert any(d.get("action") == "recapture" for _, _, d in graph.edges(data=True))

    def test_csv_export_has_one_row_per_event(self, store: Store, fallujah_events: list[Event], tmp_path) -> None:
        store.add_events(fallujah_events)
        with open(export_store(store, "csv", tmp_path / "events.csv"), newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == 5
        assert tuple(rows[0]) == EVENT_COLUMNS
        first = next(r for r in rows if r["action"] == "recapture")
        assert first["actor"] == "government troops" and first["location"] == "Fallujah"
        assert (first["event_date"], first["plover_class"], first["modality"], first["document"]) == (
            "2016-06-17",
            "ASSAULT",
            "asserted",
            "d00",
        )
        assert [r["document"] for r in rows] == ["d00"] * 4 + ["d01"]

    def test_events_read_back_equal_the_graphs(self, store: Store, fallujah_events: list[Event]) -> None:
        """The store's events are those the in-memory graph of the same events reads back, in order."""
        store.add_events(fallujah_events)
        assert list(store.events()) == list(events_from_graph(build_graph(fallujah_events)))
        assert len(events_frame(store)) == 5

    def test_failed_export_leaves_no_file(
        self, store: Store, fallujah_events: list[Event], tmp_path, monkeypatch
    ) -> None:
        store.add_events(fallujah_events)
        folder = tmp_path / "exports"
        folder.mkdir()
        target = folder / "out.nq"
        target.write_text("old\n")

        def broken(fmt, out):
            out.write(b"<half")
            raise KeyboardInterrupt

        monkeypatch.setattr(store, "dump", broken)
        with pytest.raises(KeyboardInterrupt):
            export_store(store, "nquads", target)
        assert target.read_text() == "old\n"
        assert sorted(p.name for p in folder.iterdir()) == ["out.nq"]

    def test_unknown_export_format(self, store: Store, tmp_path) -> None:
        with pytest.raises(ExportError, match=r"'xml'.*turtle"):
            export_store(store, "xml", tmp_path / "out.xml")
        assert not (tmp_path / "out.xml").exists()

    def test_export_into_missing_folder(self, store: Store, tmp_path) -> None:
        with pytest.raises(ExportError, match="does not exist"):
            export_store(store, "nt", tmp_path / "nope" / "out.nt")

    def test_literals_survive(self, store: Store) -> None:
        tricky = 'Quote " backslash \\ newline\n tab\t é 漢字 \U0001f600'
        event = Event(
            "t1",
            0,
            Action("said", "say"),
            actor=Mention(tricky),
            evidence=tricky,
            place=Place("Ḥimṣ", lat=34.73, lon=36.71),
            time=Time("today", "2020-02-29"),
        )
        store.add_events([event])
        rows = store.query("SELECT ?t WHERE { ?s ckg:text ?t }")
        assert [str(r[0]) for r in rows] == [tricky]  # type: ignore[index]
        assert json.dumps(store.stats().to_dict())

    # -- incidents ------------------------------------------------------------------------

    @staticmethod
    def _reports() -> tuple[list[Event], list[Event]]:
        """Two agencies' reports of one drone strike near Qusayr, and one of a shelling in Aleppo."""
        qusayr = Place("Qusayr", "Qusayr", 170017, 34.5078, 36.5798, "SYR")
        aleppo = Place("Aleppo", "Aleppo", 170063, 36.2021, 37.1343, "SYR")

        def strike(doc: str, sentence: int, killed: int, published: str, place: Place = qusayr) -> Event:
            return Event(
                doc,
                sentence,
                Action("struck", "strike", "ASSAULT"),
                actor=Mention("An Israeli drone", type="military", country="ISR"),
                target=Mention("a truck"),
                place=place,
                time=Time("on Monday", "2024-07-22"),
                doc_date=published,
                killed=killed,
            )

        said = Event("d1", 1, Action("said", "say", "CONSULT"), actor=Mention("a war monitor"), doc_date="2024-07-23")
        return [strike("d1", 0, 3, "2024-07-23"), said], [
            strike("d2", 2, 4, "2024-07-24"),
            strike("d2", 5, 9, "2024-07-24", aleppo),
        ]

    @staticmethod
    def _incidents(store: Store) -> list[tuple[int, int, int, int | None, int | None]]:
        rows = store.query(
            "SELECT ?i ?m ?r ?s ?kl ?kh WHERE { ?i a ckg:Incident ; ckg:mentionCount ?m ; ckg:reportCount ?r ; "
            "ckg:sourceCount ?s OPTIONAL { ?i ckg:killedLow ?kl ; ckg:killedHigh ?kh } }"
        )
        return sorted(
            (
                int(r.m),
                int(r.r),
                int(r.s),
                int(r.kl) if r.kl is not None else None,
                int(r.kh) if r.kh is not None else None,
            )
            for r in rows  # type: ignore[union-attr]
        )

    def test_incidents_link_reports_across_documents(self, store: Store) -> None:
        d1, d2 = self._reports()
        store.add_events(d1 + d2)
        # the strike told twice is one incident (2 reports, 3 to 4 killed); Aleppo is its own; 'said' none
        assert self._incidents(store) == [(1, 1, 1, 9, 9), (2, 2, 2, 3, 4)]
        linked = store.incident_of()
        assert len(linked) == 3 and len(set(linked.values())) == 2

    def test_incidents_are_idempotent_and_follow_removal(self, store: Store) -> None:
        d1, d2 = self._reports()
        store.add_events(d1 + d2)
        first, before = self._incidents(store), quads(store)
        store.add_events(d1 + d2)
        assert quads(store) == before  # re-ingest changes nothing
        store.remove_document("d2")
        assert self._incidents(store) == [(1, 1, 1, 3, 3)]  # shrinks; Aleppo's incident dissolves
        store.remove_document("d1")
        assert self._incidents(store) == []
        assert not store.query(f"ASK {{ GRAPH <{INCIDENTS_GRAPH}> {{ ?s ?p ?o }} }}").askAnswer
        store.add_events(d2)
        store.add_events(d1)  # the other order, in two ingests: the same incidents
        assert self._incidents(store) == first

    def test_incident_exports(self, store: Store, tmp_path) -> None:
        d1, d2 = self._reports()
        store.add_events(d1 + d2)
        with open(export_store(store, "csv", tmp_path / "events.csv"), newline="", encoding="utf-8") as handle:
            events = list(csv.DictReader(handle))
        strikes = [row["incident"] for row in events if row["action"] == "strike"]
        assert len(strikes) == 3 and len(set(strikes)) == 2 and all(strikes)
        assert [row["incident"] for row in events if row["action"] == "say"] == [""]
        assert {row["fatalities"] for row in events if row["action"] == "strike"} == {"3", "4", "9"}
        with open(
            export_store(store, "csv", tmp_path / "inc.csv", incidents=True), newline="", encoding="utf-8"
        ) as handle:
            incidents = list(csv.DictReader(handle))
        assert sorted((row["reports"], row["killed_low"], row["killed_high"]) for row in incidents) == [
            ("1", "9", "9"),
            ("2", "3", "4"),
        ]
        assert {row["incident"] for row in incidents} == set(strikes)
        lines = [
            json.loads(line) for line in export_store(store, "jsonl", tmp_path / "pred.jsonl").read_text().splitlines()
        ]
        assert sorted((e["doc"], e["action"]["lemma"], e["killed"]) for e in lines) == [
            ("d1", "say", None),
            ("d1", "strike", 3),
            ("d2", "strike", 4),
            ("d2", "strike", 9),
        ]
        by_killed = {e["killed"]: e["incident"] for e in lines}
        assert by_killed[3] == by_killed[4] != by_killed[9] and by_killed[None] is None
        with pytest.raises(ExportError, match="csv"):
            export_store(store, "turtle", tmp_path / "x.ttl", incidents=True)
