"""Pages of the consulting front office: public (``public``), the consultancy's office
(``office``) and the client's view of its engagements (``client``)."""
