"""Factuality of any predicate (not only statement contents): the public function and the event rules."""

from __future__ import annotations

import pytest

from hearsay.errors import InputError
from hearsay.extract.factuality_rules import assess_span
from hearsay.extract.predicate_factuality import factuality_in_doc, factuality_of


def _at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_predicate_factuality_of_text(nlp):
    text = "The plant did not close, officials said, and it may reopen."
    close, reopen = factuality_of(text, [_at(text, "close"), _at(text, "reopen")], nlp=nlp)
    assert (close.text, close.certainty, close.polarity) == ("close", "certain", "neg")
    assert close.cues[0].text == "not" and close.cues[0].start == text.index("not")
    assert (reopen.certainty, reopen.polarity) == ("possible", "pos")


def test_predicate_factuality_span_without_token(nlp):
    doc = nlp("Talks resumed.")
    with pytest.raises(InputError, match="hold no token"):
        factuality_in_doc(doc, 14, 14)


# sentence, predicate span, (certainty, polarity)
EVENTS = [
    ("The test flight was delayed after an accident.", "flight", ("certain", "neg")),
    ("Senators criticised the now-cancelled deal.", "deal", ("certain", "neg")),
    ("The carrier seeks bankruptcy protection.", "protection", ("possible", "pos")),
    ("The jet can fly from London to Sydney.", "fly", ("possible", "pos")),
    ("The company said it would axe 10,000 jobs.", "axe", ("probable", "pos")),
    ("He did not say whether he decided to leave.", "decided", ("underspecified", "underspecified")),
    ("It cut jobs in an effort to evade bankruptcy.", "evade", ("underspecified", "underspecified")),
    ("They rejected a proposal to combine the carriers.", "combine", ("underspecified", "underspecified")),
    ("It is difficult to trade these stocks.", "trade", ("underspecified", "underspecified")),
    ("The merger could cause damage to the brand.", "damage", ("possible", "pos")),
    ("She has no information on the threat.", "has", ("certain", "pos")),
    ("No one has been named as a suspect.", "named", ("certain", "neg")),
    ("GM plans to shut down 1,100 dealerships.", "shut down", ("underspecified", "underspecified")),
    ("The government would not give more aid.", "give", ("certain", "neg")),
    # issue 15: rules that generalise (coordination, prepositions, phrasal themes, agreed and intended events)
    ("The carrier plans to buy and resell the jets.", "resell", ("underspecified", "underspecified")),
    ("The driver left without paying the toll.", "paying", ("certain", "neg")),
    ("A court barred the mayor from leaving the city.", "leaving", ("underspecified", "underspecified")),
    ("Her eyes were red from crying all night.", "crying", ("certain", "pos")),
    ("The union called off the strike.", "strike", ("certain", "neg")),
    ("Critics called the merger a mistake.", "merger", ("certain", "pos")),
    ("The board agreed to sell the unit.", "sell", ("certain", "pos")),
    ("The bakery is going to close next year.", "close", ("probable", "pos")),
    ("Fans blamed the club's failure to sign a striker.", "sign", ("certain", "neg")),
    ("The council welcomed the decision to reopen the pool.", "reopen", ("certain", "pos")),
    # a theme is no more certain than the verb that acts on it ("could delay": possibly not held)
    ("Heavy snow could delay the parade.", "parade", ("possible", "neg")),
    # an event noun determined by "no" did not take place; "no" on a non-event argument leaves the verb alone
    ("No agreement was reached on the budget.", "agreement", ("certain", "neg")),
    ("There was no vote on the motion.", "vote", ("certain", "neg")),
    # a negated hedge or plan above an infinitive flips its polarity
    ("The bakery is not going to close this year.", "close", ("probable", "neg")),
    ("Prices are not likely to fall soon.", "fall", ("probable", "neg")),
    # a negation outscopes "could" (probably not) but not "may" (possibly not); "cannot" stays certain
    ("The ferry could not leave the harbour.", "leave", ("probable", "neg")),
    ("The ferry cannot leave the harbour.", "leave", ("certain", "neg")),
    ("The ferry may not leave the harbour.", "leave", ("possible", "neg")),
    # an event in an of-phrase of a hedge noun takes the hedge's value
    ("Traders weighed the possibility of a strike.", "strike", ("possible", "pos")),
    ("Residents fear the threat of flooding.", "flooding", ("possible", "pos")),
    # "a delay in delivery" negates the delivery; "killed in the blast" says nothing against the blast
    ("Customers complained about a delay in delivery.", "delivery", ("certain", "neg")),
    ("Two workers were killed in the blast.", "blast", ("certain", "pos")),
    # a factive's complement is presupposed: negation above the factive leaves it certain
    ("The police did not know where the van was parked.", "parked", ("certain", "pos")),
    ("She may not realize that the shop closed.", "closed", ("certain", "pos")),
    # the subject of a perfect ("have killed") is the agent, not a theme of "kill"
    ("The storms have killed three hikers.", "storms", ("certain", "pos")),
    # a clause that waits on its event ("until", "once") names an expected event
    ("The road stays shut until the flood recedes.", "recedes", ("probable", "pos")),
    ("Shares will rise once the merger closes.", "closes", ("probable", "pos")),
    ("The board talked about closing the plant.", "closing", ("probable", "pos")),
    ("Analysts expect a rate cut in May.", "cut", ("probable", "pos")),
    # attempts and directives leave their infinitive possible; intentions leave it open
    ("The firm tried to sell the unit.", "sell", ("possible", "pos")),
    ("The judge ordered the bank to repay the loan.", "repay", ("possible", "pos")),
    ("Regulators allowed the airline to resume flights.", "resume", ("possible", "pos")),
    ("The mayor invited the clubs to apply for grants.", "apply", ("possible", "pos")),
    ("The permit entitles the holder to fish in the lake.", "fish", ("possible", "pos")),
    ("The firm intends to sell the unit.", "sell", ("underspecified", "underspecified")),
    ("The mayor wants to cancel the concert.", "concert", ("underspecified", "underspecified")),
    # a contract or deal to do something commits to it, like an agreement; negated, it flips its event
    ("The firm won a contract to build the bridge.", "build", ("certain", "pos")),
    ("The now-cancelled deal to lease the tankers cost millions.", "lease", ("certain", "neg")),
    ("There was no deal to sell the port.", "sell", ("certain", "neg")),
    # a negated support verb ("begin talks", "hold a hearing") says its noun's event did not take place;
    # another verb's object is not touched ("did not attend the meeting": the meeting took place)
    ("The two firms have not begun talks on a merger.", "talks", ("certain", "neg")),
    ("The hearing was not held on Monday.", "hearing", ("certain", "neg")),
    ("No decision was made on the plant.", "decision", ("certain", "neg")),
    ("The firms held talks on Monday.", "talks", ("certain", "pos")),
    ("The minister did not attend the meeting.", "meeting", ("certain", "pos")),
    # a rejected or abandoned speech act was still made (what it proposed is not); a delayed one is pending
    ("The board rejected the offer.", "offer", ("certain", "pos")),
    ("The union abandoned its demand for a raise.", "demand", ("certain", "pos")),
    ("The board rejected the merger.", "merger", ("certain", "neg")),
    ("The court delayed its ruling.", "ruling", ("certain", "neg")),
    # a predicate adjective or noun is read in its copula's clause: its modal, hedges and governor
    ("Analysts expect the firm to be profitable next year.", "profitable", ("probable", "pos")),
    ("A strike would be a disaster for the town.", "disaster", ("probable", "pos")),
    ("She may be right about the merger.", "right", ("possible", "pos")),
    ("The firm is unlikely to be profitable.", "profitable", ("probable", "neg")),
    ("The launch was not a success.", "success", ("certain", "neg")),
    ("Sales were strong in May.", "strong", ("certain", "pos")),
    # an event that anchors the time ("during", "after") is presupposed; "before" leaves it in scope
    ("The deal may be signed during the air show.", "show", ("certain", "pos")),
    ("Trading could resume after the ruling.", "ruling", ("certain", "pos")),
    ("The deal may be signed before the vote.", "vote", ("possible", "pos")),
    # "neither ... nor" on the subject negates the verb; so does "no" on a support verb's object
    ("Neither he nor his parents could be located.", "located", ("probable", "neg")),
    ("The firms have reached no agreement on the sale.", "reached", ("certain", "neg")),
    ("It makes no sense to wait.", "makes", ("certain", "pos")),
    # an infinitive the parser attaches as an adverbial clause is a complement after a verb of the lexicons;
    # after another verb it is a purpose, left as it is
    ("Analysts had forecast sales to fall in May.", "fall", ("probable", "pos")),
    ("The firm cut jobs to save money.", "save", ("certain", "pos")),
    # a bare verb conjoined to a modal's verb shares the modal; a verb with its own tense or subject does not
    ("The firm may buy the plant and sell its land.", "sell", ("possible", "pos")),
    ("The bank should sell the unit and repay its debt.", "repay", ("underspecified", "underspecified")),
    ("The firm would not comment but said it was pleased.", "said", ("certain", "pos")),
    ("She may buy the house and she will sell the flat.", "sell", ("certain", "pos")),
    # a noun modifying a purpose or prospect noun names the event aimed at ("a takeover bid")
    ("The board rejected a takeover bid.", "takeover", ("underspecified", "underspecified")),
    ("Officials drew up a rescue plan for the bank.", "rescue", ("underspecified", "underspecified")),
    ("Residents face a strike threat this winter.", "strike", ("possible", "pos")),
    ("The bankruptcy court met on Monday.", "bankruptcy", ("certain", "pos")),
    # a negation outscopes a disjunction ("not A or B": neither); "but" joins a clause of its own
    ("The police have not charged or released the man.", "released", ("certain", "neg")),
    ("There were no gains or losses in May.", "losses", ("certain", "neg")),
    ("The firm did not buy the plant but sold its land.", "sold", ("certain", "pos")),
    # "unable to", "not able to" mean not ("able" is a one-way implicative: "was able to" leaves it open)
    ("The firm was unable to pay its debts.", "pay", ("certain", "neg")),
    ("The firm was not able to pay its debts.", "pay", ("certain", "neg")),
    ("The firm was able to pay its debts.", "pay", ("underspecified", "underspecified")),
    ("Banks are reluctant to lend to small firms.", "lend", ("probable", "neg")),
    ("Banks are willing to lend to small firms.", "lend", ("probable", "pos")),
    ("The union is ready to sign the deal.", "sign", ("probable", "pos")),
    # an event determined by "any" is non-specific: not said to happen
    ("Any attempt to sell the unit will need approval.", "attempt", ("underspecified", "underspecified")),
    ("Shareholders will vote on any offer for the firm.", "offer", ("underspecified", "underspecified")),
    ("The board welcomed the offer for the firm.", "offer", ("certain", "pos")),
    # an infinitival relative after another noun is not its complement: "the first model to be built"
    ("It is the first jet to be built of carbon fibre.", "built", ("certain", "pos")),
    ("No agreement to share the water was signed.", "share", ("certain", "neg")),
    # what is sought or asked for is not said to happen: a "for" object right after a verb or noun of seeking
    ("The union called for a strike at the port.", "strike", ("possible", "pos")),
    ("Rebels are looking for a truce.", "truce", ("possible", "pos")),
    ("Farmers hope for a good harvest.", "harvest", ("underspecified", "underspecified")),
    ("The airline filed for bankruptcy on Monday.", "bankruptcy", ("underspecified", "underspecified")),
    ("Her request for a recount was turned down.", "recount", ("underspecified", "underspecified")),
    ("The mayor thanked the crew for the rescue.", "rescue", ("certain", "pos")),
    ("The town has waited for the ruling since May.", "ruling", ("certain", "pos")),
    ("For a sign of the slump, look at the harbour.", "sign", ("certain", "pos")),
    # ending or halting an event presupposes it: only its going on stops
    ("The truce helped end the war in the north.", "war", ("certain", "pos")),
    ("Firemen halted the spread of the blaze.", "spread", ("certain", "pos")),
    ("The city cancelled the parade after the storm.", "parade", ("certain", "neg")),
    # an implicative's complement under an open clause is open in polarity too
    ("She did not say whether he decided to resign.", "resign", ("underspecified", "underspecified")),
    ("She said that he decided to resign.", "resign", ("certain", "pos")),
    # a complement of an unlisted verb is in the scope of what leaves that verb open
    (
        "The firm cut jobs in an attempt to make the unit profitable.",
        "profitable",
        ("underspecified", "underspecified"),
    ),
    ("The city plans to help rebuild the bridge.", "rebuild", ("underspecified", "underspecified")),
    ("The storm may force the port to close.", "close", ("possible", "pos")),
    ("The volunteers helped rebuild the bridge.", "rebuild", ("certain", "pos")),
    ("The mill plans to cut jobs to save money.", "save", ("underspecified", "underspecified")),
    ("From the hall we could hear that the band was playing.", "playing", ("certain", "pos")),
    (
        "The city plans to help rebuild the bridge and widen it.",
        "widen",
        ("underspecified", "underspecified"),
    ),
    ("The mill may cut jobs so as to save money.", "save", ("possible", "pos")),
    ("The mill cut 300 jobs last year to save money.", "save", ("certain", "pos")),
    # a planned event is no more certain than the open clause that plans it
    ("He did not say where the plant is going to close.", "close", ("underspecified", "underspecified")),
    ("Officials said the plant is going to close.", "close", ("probable", "pos")),
    ("The board would prefer that the bank sell the unit.", "sell", ("underspecified", "underspecified")),
    # "cease" is "stop"; a gerund after "consider" is an option weighed, as its noun object is
    ("The plant ceased making tyres in June.", "making", ("certain", "neg")),
    ("The board is considering selling the plant.", "selling", ("possible", "underspecified")),
    ("The board is considering a sale of the plant.", "sale", ("possible", "underspecified")),
]


@pytest.mark.parametrize(("text", "predicate", "expected"), EVENTS)
def test_predicate_factuality_event_rules(bare_nlp, text, predicate, expected):
    doc = bare_nlp(text)
    span = doc.char_span(*_at(text, predicate))
    reading = assess_span(span)
    assert (reading.certainty, reading.polarity) == expected


def test_predicate_factuality_docstring_example_runs(nlp):
    import doctest

    import hearsay.extract.predicate_factuality as module

    failures, tried = doctest.testmod(module, verbose=False)
    assert tried > 0 and failures == 0


def test_predicate_factuality_read_with_events_gives_the_reading_beside_the_events(nlp):
    from hearsay.extract.predicate_factuality import read_with_events
    from hearsay.ingest.identity import make_document

    text = "The mayor said the plant would not reopen."
    document = make_document(text)
    [(reading, events)] = list(read_with_events([(document, [_at(text, "reopen")])], nlp=nlp))
    assert reading.document_id == document.id and reading.statements[0].cue.text == "said"
    assert [(e.text, e.certainty, e.polarity) for e in events] == [("reopen", "certain", "neg")]
