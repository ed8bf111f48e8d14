"""Pure domain of the fiscalizacion service: the versioned rulebook of infractions and sanctions (D.S. 027-2007-RE as
limited by STC 0009-2007-PI/TC; later regimes as partial data), the sanction calculation, prescription, inspections
(Fiscalizacion, PlanAnualFiscalizacion), the sanctioning procedure (ExpedienteSancionador), enforcement (Sancion),
triggers from registro/tramite and the Registro de Sanciones projection. No I/O, no clock: dates come in as
arguments.
"""
