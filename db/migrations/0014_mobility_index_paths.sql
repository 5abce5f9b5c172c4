-- OMobility LAs index asks for one sending HEI's mobilities to the caller's HEIs. With
-- omobility_by_receiver the rows of one partner are read from the heap, one page each (a partner's
-- mobilities are spread over the whole table); this index answers from itself
-- (db/learning_agreements.cpp list_la_ids). 500,000 mobilities, 2,500 to one partner: the
-- omobility side of the query fell from 40-90 ms to 2-5 ms on the bench machine (bench/mobilities).
CREATE INDEX omobility_by_sender ON omobility (sending_hei_id, receiving_hei_id, created_at, omobility_id) WHERE NOT withdrawn;
